//! Français : the names of the closed sets the pages show (states, purposes, actions, sources)
//! and of the built-in sending rules. The English ones are in `en_names.rs`.

use crate::domain::{OptOutSource, Purpose};
use crate::models::{
    AuditAction, CampaignActionKind, CampaignState, DecisionKind, Enforcement, EventSource,
    OperationKind, Right, Role,
};

pub(super) fn enforcement(enforcement: Enforcement) -> &'static str {
    match enforcement {
        Enforcement::Required => "obligatoire",
        Enforcement::Recommended => "conseillée",
    }
}

pub(super) fn state(state: CampaignState) -> &'static str {
    match state {
        CampaignState::AwaitingApproval => "en attente d'approbation",
        CampaignState::Scheduled => "planifiée",
        CampaignState::InProgress => "en cours",
        CampaignState::Paused => "suspendue",
        CampaignState::Finished => "terminée",
        CampaignState::Canceled => "annulée",
        CampaignState::Rejected => "rejetée",
        CampaignState::Withdrawn => "retirée",
        CampaignState::Expired => "expirée",
    }
}

pub(super) fn purpose(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::Alert => "alerte",
        Purpose::Marketing => "marketing",
    }
}

pub(super) fn operation(operation: OperationKind) -> &'static str {
    match operation {
        OperationKind::Cancel => "annulation",
        OperationKind::Reschedule => "replanification",
        OperationKind::Pause => "suspension",
        OperationKind::Resume => "reprise",
    }
}

pub(super) fn action(action: CampaignActionKind) -> &'static str {
    match action {
        CampaignActionKind::Schedule => "planification",
        CampaignActionKind::Operation(kind) => operation(kind),
        CampaignActionKind::Reconcile => "rapprochement",
        CampaignActionKind::Decision(DecisionKind::Approve) => "approbation",
        CampaignActionKind::Decision(DecisionKind::Reject) => "rejet",
        CampaignActionKind::Decision(DecisionKind::Withdraw) => "retrait",
        CampaignActionKind::Expire => "expiration",
    }
}

pub(super) fn opt_out_source(source: OptOutSource) -> &'static str {
    match source {
        OptOutSource::StopReply => "réponse STOP",
        OptOutSource::Operator => "opérateur",
        OptOutSource::Import => "import",
    }
}

pub(super) fn role(role: Role) -> &'static str {
    match role {
        Role::Viewer => "lecteur",
        Role::Sender => "expéditeur",
        Role::Approver => "approbateur",
        Role::Admin => "administrateur",
    }
}

/// What a right allows, to end « Votre rôle ne permet pas de … ».
pub(super) fn right(right: Right) -> &'static str {
    match right {
        Right::Read => "consulter les campagnes",
        Right::Send => "prévisualiser et planifier des campagnes",
        Right::OperateOwn => "modifier vos campagnes",
        Right::OperateAny => "modifier les campagnes des autres",
        Right::RemoveOptOut => "retirer des numéros de la liste des désinscriptions",
        Right::SandboxControl => "piloter les bacs à sable",
        Right::ReadAudit => "consulter le journal d'audit",
        Right::Approve => "approuver ou rejeter des campagnes",
    }
}

pub(super) fn audit_action(action: AuditAction) -> &'static str {
    match action {
        AuditAction::Schedule => "Planification",
        AuditAction::Cancel => "Annulation",
        AuditAction::Reschedule => "Replanification",
        AuditAction::Pause => "Pause",
        AuditAction::Resume => "Reprise",
        AuditAction::AddOptOuts => "Ajout à la liste des désinscriptions",
        AuditAction::RemoveOptOut => "Retrait de la liste des désinscriptions",
        AuditAction::MoveSandboxClock => "Horloge du bac à sable avancée",
        AuditAction::SetSandboxFaults => "Pannes du bac à sable réglées",
        AuditAction::Approve => "Approbation",
        AuditAction::Reject => "Rejet",
        AuditAction::Withdraw => "Retrait",
        AuditAction::SignIn => "Connexion",
        AuditAction::SignOut => "Déconnexion",
    }
}

pub(super) fn event_source(source: EventSource) -> &'static str {
    match source {
        EventSource::Scheduler => "transmission au fournisseur",
        EventSource::Operator => "opérateur",
        EventSource::Reconciliation => "rapprochement",
        EventSource::OctopushWebhook => "rapport Octopush",
        EventSource::InfobipWebhook => "rapport Infobip",
        EventSource::InfobipPoll => "rapport Infobip (interrogé)",
    }
}

/// The built-in sending rules' names; a rule the configuration names stays as it is.
pub(super) fn rule(name: &str) -> Option<&'static str> {
    match name {
        "France marketing" => Some("Marketing en France"),
        "French overseas marketing" => Some("Marketing en outre-mer"),
        "United States marketing" => Some("Marketing aux États-Unis"),
        "Business hours (advice)" => Some("Heures de bureau (conseil)"),
        _ => None,
    }
}
