//! The refusal codes the providers document, by what they mean: the browser says them in the
//! user's language; the English sentences (logs, stored outcomes) are in `i18n/en_problems.rs`.

use super::ProviderId;

/// A documented refusal code of a provider, by its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusalCode {
    // Octopush (its documented error codes).
    WrongLoginOrKey,
    NoRecipients,
    NotEnoughCredit,
    BadSender,
    NoText,
    AccountNotValidated,
    NoValidNumber,
    AlreadySubmitted,
    StopMentionPremium,
    StopMentionLowCost,
    NoCountryForPrefix,
    CountryNotServed,
    NoLowCostRoute,
    RouteCongested,
    OctopushFailed,
    OctopushConnection,
    // Infobip (its `messageId` or `errorCode`).
    WrongApiKey,
    KeyNotAllowed,
    UnknownBulk,
    LimitingRequests,
}

impl RefusalCode {
    /// What `provider`'s `code` means; `None` for a code it does not document.
    pub fn read(provider: ProviderId, code: &str) -> Option<Self> {
        use RefusalCode::*;
        Some(match (provider, code) {
            (ProviderId::Octopush, "101") => WrongLoginOrKey,
            (ProviderId::Octopush, "103") => NoRecipients,
            (ProviderId::Octopush, "104") => NotEnoughCredit,
            (ProviderId::Octopush, "106") => BadSender,
            (ProviderId::Octopush, "107") => NoText,
            (ProviderId::Octopush, "113") => AccountNotValidated,
            (ProviderId::Octopush, "117") => NoValidNumber,
            (ProviderId::Octopush, "120") => AlreadySubmitted,
            (ProviderId::Octopush, "121") => StopMentionPremium,
            (ProviderId::Octopush, "122") => StopMentionLowCost,
            (ProviderId::Octopush, "150") => NoCountryForPrefix,
            (ProviderId::Octopush, "151") => CountryNotServed,
            (ProviderId::Octopush, "152") => NoLowCostRoute,
            (ProviderId::Octopush, "153") => RouteCongested,
            (ProviderId::Octopush, "500") => OctopushFailed,
            (ProviderId::Octopush, "501") => OctopushConnection,
            (ProviderId::Infobip, "UNAUTHORIZED" | "E401") => WrongApiKey,
            (ProviderId::Infobip, "FORBIDDEN" | "E403") => KeyNotAllowed,
            (ProviderId::Infobip, "NOT_FOUND" | "E404") => UnknownBulk,
            (ProviderId::Infobip, "TOO_MANY_REQUESTS") => LimitingRequests,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_for_their_own_provider_only() {
        assert_eq!(
            RefusalCode::read(ProviderId::Octopush, "101"),
            Some(RefusalCode::WrongLoginOrKey)
        );
        assert_eq!(
            RefusalCode::read(ProviderId::Infobip, "E401"),
            Some(RefusalCode::WrongApiKey)
        );
        assert_eq!(RefusalCode::read(ProviderId::Infobip, "101"), None);
        assert_eq!(
            RefusalCode::read(ProviderId::Octopush, "UNAUTHORIZED"),
            None
        );
        assert_eq!(RefusalCode::read(ProviderId::Octopush, "999"), None);
    }
}
