//! The refusal codes the providers document, by what they mean: the browser says them in the
//! user's language, and the server's English sentences (logs, stored outcomes) come from here too.

use std::fmt;

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

impl fmt::Display for RefusalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RefusalCode::*;
        f.write_str(match self {
            WrongLoginOrKey => "the API login or key is wrong",
            NoRecipients => "the campaign has no recipients",
            NotEnoughCredit => "the account does not have enough credit",
            BadSender => "the sender must be 3 to 11 letters or digits",
            NoText => "the message text is missing",
            AccountNotValidated => "the Octopush account is not validated yet",
            NoValidNumber => "no valid phone number in the list",
            AlreadySubmitted => "this request was already submitted in the last 24 hours",
            StopMentionPremium => {
                "a premium marketing SMS must contain the mention \"STOP au XXXXX\""
            }
            StopMentionLowCost => {
                "a low-cost marketing SMS must contain the mention \"STOP au XXXXX\""
            }
            NoCountryForPrefix => "no country matches a number's prefix",
            CountryNotServed => "a number's country is not served",
            NoLowCostRoute => "there is no low-cost route to a number's country",
            RouteCongested => "the route is congested; try again later",
            OctopushFailed => "Octopush could not process the request",
            OctopushConnection => "Octopush had a connection error",
            WrongApiKey => "the Infobip API key is wrong",
            KeyNotAllowed => "the Infobip API key may not use this endpoint",
            UnknownBulk => "Infobip does not know this bulk",
            LimitingRequests => "Infobip is limiting requests; try again later",
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
