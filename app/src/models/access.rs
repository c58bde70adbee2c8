//! Who may do what: the roles people have and the rights each role gives. The server checks them
//! on every request; the browser reads them only to leave out what the user may not do.

use serde::{Deserialize, Serialize};

use super::Refusal;

/// A person's role, from the portal's groups (or every right for the local operator).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Reads campaigns, recipients, history, exports and settings.
    Viewer,
    /// A viewer who also previews and schedules, and operates their own campaigns.
    Sender,
    /// A viewer who also operates anyone's campaigns and approves or rejects those the approval
    /// rules hold.
    Approver,
    /// Every right, the opt-out list's removals and the sandbox controls included.
    Admin,
}

/// Something a role may or may not do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Right {
    /// Campaigns, recipients, their history and exports, the opt-out list, the settings.
    Read,
    /// Preview and schedule campaigns; add numbers to the opt-out list (that only protects people).
    Send,
    /// Cancel, reschedule, pause or resume a campaign one scheduled.
    OperateOwn,
    /// The same on anyone's campaign.
    OperateAny,
    /// Take a number off the opt-out list: messages may reach it again.
    RemoveOptOut,
    /// Move the sandbox clock, set its faults.
    SandboxControl,
    /// Read the audit trail: who did what, from where.
    ReadAudit,
    /// Approve or reject a campaign someone else scheduled that the approval rules hold.
    Approve,
}

impl Role {
    /// From the fewest rights to the most.
    pub const ALL: [Role; 4] = [Role::Viewer, Role::Sender, Role::Approver, Role::Admin];

    /// Its name in configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Sender => "sender",
            Role::Approver => "approver",
            Role::Admin => "admin",
        }
    }

    /// The role named `name` (`as_str`).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_str() == name)
    }

    /// Why this role may not use `right`; `None` when it may.
    pub fn refusal(self, right: Right) -> Option<Refusal> {
        (!self.may(right)).then_some(Refusal::NoRight { role: self, right })
    }

    pub fn may(self, right: Right) -> bool {
        match right {
            Right::Read => true,
            Right::Send => matches!(self, Role::Sender | Role::Admin),
            Right::OperateOwn => matches!(self, Role::Sender | Role::Approver | Role::Admin),
            Right::OperateAny => matches!(self, Role::Approver | Role::Admin),
            Right::ReadAudit | Right::Approve => matches!(self, Role::Approver | Role::Admin),
            Right::RemoveOptOut | Right::SandboxControl => self == Role::Admin,
        }
    }
}

impl Right {
    pub const ALL: [Right; 8] = [
        Right::Read,
        Right::Send,
        Right::OperateOwn,
        Right::OperateAny,
        Right::RemoveOptOut,
        Right::SandboxControl,
        Right::ReadAudit,
        Right::Approve,
    ];

    /// Its name where it is stored and in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Right::Read => "read",
            Right::Send => "send",
            Right::OperateOwn => "operate-own",
            Right::OperateAny => "operate-any",
            Right::RemoveOptOut => "remove-opt-out",
            Right::SandboxControl => "sandbox-control",
            Right::ReadAudit => "read-audit",
            Right::Approve => "approve",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|right| right.as_str() == name)
    }
}

/// What each person may do only so many times a minute: each costs the server real work (a
/// preview reads every number) or money (a schedule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LimitedAction {
    Preview,
    Schedule,
}

/// Who the server sees in a request, for the page to show and to leave out what they may not do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    pub name: String,
    pub role: Role,
    /// Whether a sign-in names people (false: everyone is the local operator).
    pub from_sign_in: bool,
    /// Whether the app signed them in itself (built-in sign-in), so that it can sign them out.
    pub can_sign_out: bool,
}

/// Why the server did not let a request in when a portal's proxy signs people in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotLetIn {
    /// Nobody is signed in: the app was reached around the portal.
    NotThroughPortal,
    /// Identity headers came from an address that is not the portal's proxy.
    UntrustedAddress,
    /// The proxy's secret header is missing or wrong.
    ProxySecret,
    /// Signed in, but none of their groups gives a role.
    NoRole(String),
    /// Sign-in cannot be checked for a moment.
    Unavailable,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_has_the_rights_of_its_description() {
        let rights = |role: Role| Right::ALL.into_iter().filter(move |r| role.may(*r));
        assert_eq!(rights(Role::Viewer).collect::<Vec<_>>(), [Right::Read]);
        assert_eq!(
            rights(Role::Sender).collect::<Vec<_>>(),
            [Right::Read, Right::Send, Right::OperateOwn]
        );
        assert_eq!(
            rights(Role::Approver).collect::<Vec<_>>(),
            [
                Right::Read,
                Right::OperateOwn,
                Right::OperateAny,
                Right::ReadAudit,
                Right::Approve
            ]
        );
        assert_eq!(rights(Role::Admin).count(), Right::ALL.len());
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        for right in Right::ALL {
            assert_eq!(Right::parse(right.as_str()), Some(right));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
