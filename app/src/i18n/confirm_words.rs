//! The confirm step's warning that a campaign cannot be cancelled once scheduled, in each
//! language: called directly rather than through the catalogue's function table, so that it comes
//! with the confirm step's chunk instead of the first screen.

use super::{plural, Locale};

/// `provider` cancels only campaigns of at most `max` recipients, and this one has more.
pub fn cannot_cancel(locale: Locale, provider: &str, max: u32) -> String {
    match locale {
        Locale::En => format!(
            "Once scheduled, it cannot be cancelled, paused or moved: {provider} cancels only \
             campaigns of at most {max} recipients."
        ),
        Locale::Fr => format!(
            "Une fois planifiée, elle ne pourra être ni annulée, ni suspendue, ni déplacée : \
             {provider} n'annule que les campagnes d'au plus {max} destinataires."
        ),
    }
}

/// `count` recipients already have as many marketing SMS (sent or scheduled within the cap's
/// days) as the frequency cap allows, and the cap only warns: they get this one too.
pub fn over_cap(locale: Locale, count: u64) -> String {
    match locale {
        Locale::En => {
            let (s, have) = (
                plural::english(count),
                if count == 1 { "has" } else { "have" },
            );
            format!(
                "{count} recipient{s} already {have} as many marketing SMS, sent or scheduled, as \
                 the frequency cap allows; this one goes to them too."
            )
        }
        Locale::Fr => {
            let (s, have, them) = if count > 1 {
                ("s", "ont", "leur")
            } else {
                ("", "a", "lui")
            };
            format!(
                "{count} destinataire{s} {have} déjà autant de SMS marketing, envoyés ou prévus, \
                 que le plafond de fréquence le permet ; celui-ci {them} sera envoyé aussi."
            )
        }
    }
}
