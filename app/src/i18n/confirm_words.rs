//! The confirm step's warning that a campaign cannot be cancelled once scheduled, in each
//! language: called directly rather than through the catalogue's function table, so that it comes
//! with the confirm step's chunk instead of the first screen.

use super::Locale;

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
