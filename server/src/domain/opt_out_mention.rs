//! The opt-out mention a marketing SMS must carry before anything is sent: Octopush refuses
//! marketing without its literal `STOP au XXXXX` (it fills in its own number); French law asks
//! every marketing SMS to a French number (the overseas territories included) for a free way to
//! opt out, which through Infobip is the account's own STOP number, configured.

use super::campaign::{has_octopush_stop_mention, Purpose, OCTOPUSH_STOP_MENTION};
use super::french_territories::under_french_law;
use app::models::{Problem, ProviderId};

/// Why `text` may not go as marketing through `provider` to numbers of `regions`; `None` when it may.
/// `infobip_mention` is the mention configured for Infobip (e.g. `STOP au 36111`).
pub fn missing_mention<'a>(
    provider: ProviderId,
    purpose: Purpose,
    text: &str,
    mut regions: impl Iterator<Item = &'a str>,
    infobip_mention: Option<&str>,
) -> Option<Problem> {
    if purpose != Purpose::Marketing {
        return None;
    }
    match provider {
        ProviderId::Octopush => {
            (!has_octopush_stop_mention(text)).then(|| Problem::StopMentionMissing {
                provider,
                mention: OCTOPUSH_STOP_MENTION.to_owned(),
            })
        }
        ProviderId::Infobip => {
            if !regions.any(under_french_law) {
                return None;
            }
            match infobip_mention {
                None => Some(Problem::StopMentionNotConfigured),
                Some(mention) if text.contains(mention) => None,
                Some(mention) => Some(Problem::StopMentionMissing {
                    provider,
                    mention: mention.to_owned(),
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::phone::{PhoneNumber, Region};

    fn numbers(list: &[&str]) -> Vec<PhoneNumber> {
        let france = Region::parse("FR").unwrap();
        list.iter()
            .map(|n| PhoneNumber::parse(n, france).unwrap())
            .collect()
    }

    fn check(
        provider: ProviderId,
        text: &str,
        to: &[&str],
        mention: Option<&str>,
    ) -> Option<Problem> {
        missing_mention(
            provider,
            Purpose::Marketing,
            text,
            numbers(to).iter().filter_map(PhoneNumber::region),
            mention,
        )
    }

    #[test]
    fn french_marketing_through_infobip_needs_the_configured_mention() {
        let paris = ["0612345678"];
        let reunion = ["+262692123456"];
        let mention = Some("STOP au 36111");
        assert_eq!(
            check(ProviderId::Infobip, "Sale -20%", &paris, mention),
            Some(Problem::StopMentionMissing {
                provider: ProviderId::Infobip,
                mention: "STOP au 36111".into()
            })
        );
        assert!(check(ProviderId::Infobip, "Sale -20%", &reunion, mention).is_some());
        assert_eq!(
            check(
                ProviderId::Infobip,
                "Sale -20% STOP au 36111",
                &paris,
                mention
            ),
            None
        );
        assert_eq!(
            check(ProviderId::Infobip, "Sale -20% STOP au 36111", &paris, None),
            Some(Problem::StopMentionNotConfigured)
        );
        // Not French: French law does not ask it.
        assert_eq!(
            check(ProviderId::Infobip, "Sale", &["+4915123456789"], None),
            None
        );
    }

    #[test]
    fn octopush_marketing_always_needs_its_literal_mention_and_alerts_never() {
        assert!(check(ProviderId::Octopush, "Sale", &["+4915123456789"], None).is_some());
        assert_eq!(
            check(
                ProviderId::Octopush,
                "Sale STOP au XXXXX",
                &["0612345678"],
                None
            ),
            None
        );
        let alert = missing_mention(
            ProviderId::Infobip,
            Purpose::Alert,
            "Your parcel",
            numbers(&["0612345678"])
                .iter()
                .filter_map(PhoneNumber::region),
            None,
        );
        assert_eq!(alert, None);
    }
}
