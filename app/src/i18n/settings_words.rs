//! The settings page's approval rules, in each language: called directly rather than through the
//! catalogue's function table, so that they come with the settings page's chunk instead of the
//! first screen.

use super::{fixed_point, plural, Locale, Texts};
use crate::domain::Purpose;
use crate::models::{ApprovalRuleTerms, ApprovalTerms};

/// Each rule as one sentence of its conditions, or that no campaign waits for approval.
pub fn approval_rules(locale: Locale, t: &Texts, terms: &ApprovalTerms) -> Vec<String> {
    if terms.rules.is_empty() {
        return vec![match locale {
            Locale::En => "None: no campaign waits for approval.".into(),
            Locale::Fr => "Aucune : aucune campagne n'attend d'approbation.".into(),
        }];
    }
    terms
        .rules
        .iter()
        .map(|rule| approval_rule(locale, t, rule))
        .collect()
}

/// `Held when: marketing campaigns, through Octopush, more than 1000 recipients.`
fn approval_rule(locale: Locale, t: &Texts, rule: &ApprovalRuleTerms) -> String {
    let conditions: Vec<String> = match locale {
        Locale::En => [
            rule.purpose
                .map(|purpose| format!("{} campaigns", (t.purpose_name)(purpose))),
            rule.provider.map(|provider| format!("through {provider}")),
            rule.more_recipients_than
                .map(|n| format!("more than {n} recipient{}", plural::english(n))),
            rule.cost_above.map(|cost| {
                format!(
                    "an estimated cost above {} (in the provider's currency)",
                    fixed_point(cost, 2, '.')
                )
            }),
        ],
        Locale::Fr => [
            rule.purpose.map(|purpose| match purpose {
                Purpose::Alert => "campagnes d'alerte".to_owned(),
                Purpose::Marketing => "campagnes marketing".to_owned(),
            }),
            rule.provider.map(|provider| format!("par {provider}")),
            rule.more_recipients_than
                .map(|n| format!("plus de {n} destinataire{}", plural::french(n))),
            rule.cost_above.map(|cost| {
                format!(
                    "un coût estimé de plus de {} (dans la devise du fournisseur)",
                    fixed_point(cost, 2, ',')
                )
            }),
        ],
    }
    .into_iter()
    .flatten()
    .collect();
    match locale {
        Locale::En => format!("Held when: {}.", conditions.join(", ")),
        Locale::Fr => format!("Retenue si : {}.", conditions.join(", ")),
    }
}

/// How soon before its send time a held campaign can still be approved.
pub fn approval_notice(locale: Locale, minutes: u32) -> String {
    match locale {
        Locale::En => format!(
            "Approved by another approver or admin, at least {minutes} minutes before the send \
             time (more for a long campaign: about a second per provider request)."
        ),
        Locale::Fr => format!(
            "Approuvée par un autre approbateur ou administrateur, au moins {minutes} minutes \
             avant l'heure d'envoi (davantage pour une longue campagne : environ une seconde par \
             requête au fournisseur)."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::ProviderId;

    #[test]
    fn each_rule_says_every_condition_it_sets_in_each_language() {
        let terms = ApprovalTerms {
            rules: vec![
                ApprovalRuleTerms {
                    purpose: Some(Purpose::Marketing),
                    provider: Some(ProviderId::Octopush),
                    more_recipients_than: Some(1000),
                    cost_above: None,
                },
                ApprovalRuleTerms {
                    purpose: Some(Purpose::Alert),
                    cost_above: Some(50.0),
                    ..Default::default()
                },
            ],
            min_notice_minutes: 5,
        };
        let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
        assert_eq!(
            approval_rules(Locale::En, en, &terms),
            [
                "Held when: marketing campaigns, through Octopush, more than 1000 recipients.",
                "Held when: alert campaigns, an estimated cost above 50.00 (in the provider's \
                 currency).",
            ]
        );
        assert_eq!(
            approval_rules(Locale::Fr, fr, &terms),
            [
                "Retenue si : campagnes marketing, par Octopush, plus de 1000 destinataires.",
                "Retenue si : campagnes d'alerte, un coût estimé de plus de 50,00 (dans la devise \
                 du fournisseur).",
            ]
        );
        let none = ApprovalTerms {
            rules: vec![],
            min_notice_minutes: 5,
        };
        assert_eq!(
            approval_rules(Locale::En, en, &none),
            ["None: no campaign waits for approval."]
        );
        assert!(approval_notice(Locale::Fr, 7).contains("au moins 7 minutes"));
    }
}
