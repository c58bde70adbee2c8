//! Words that mark a message as promoting something, in English and French. Such a message sent
//! as an alert would escape the rules for marketing (the opt-out mention, the sending hours, the
//! frequency cap): the composer says so while the purpose is "alert". A hint, never a refusal:
//! "your sale order has shipped" is an alert.

/// Whole words, lower case, that promotions use and alerts seldom do.
const PROMOTIONAL_WORDS: &[&str] = &[
    // English.
    "sale",
    "sales",
    "promo",
    "promotion",
    "discount",
    "discounts",
    "offer",
    "offers",
    "deal",
    "deals",
    "coupon",
    "voucher",
    // French.
    "soldes",
    "promos",
    "offre",
    "offres",
    "réduction",
    "réductions",
    "remise",
    "remises",
    "gratuit",
    "gratuite",
    "bon plan",
];

/// The first sign in `text` that it promotes something: one of the words above, or a discount
/// (`-20%`, `-30 %`, `15% off`), as written in the text.
pub fn promotional_sign(text: &str) -> Option<String> {
    // ASCII case and letters only: Unicode's tables would weigh kilobytes in the first screen's
    // wasm; any other character counts as a letter (`réduction`), capitals like `É` as written.
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let found = PROMOTIONAL_WORDS.iter().find(|marker| {
        let parts: Vec<&str> = marker.split(' ').collect();
        words.windows(parts.len()).any(|window| window == parts)
    });
    if let Some(word) = found {
        return Some((*word).to_owned());
    }
    percentage(text)
}

/// `-20%`, `-20 %`, `20% off`: a percentage taken off, not any percentage ("battery at 15%").
fn percentage(text: &str) -> Option<String> {
    text.match_indices('%').find_map(|(at, _)| {
        let before = text[..at].trim_end();
        let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
        let number = &before[before.len() - digits..];
        let minus = before[..before.len() - digits].ends_with('-');
        let after = text[at + 1..].trim_start();
        let off = after
            .get(..3)
            .is_some_and(|word| word.eq_ignore_ascii_case("off"));
        (digits > 0 && (minus || off)).then(|| format!("{number}%"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn promotions_are_told_by_their_words_or_a_percentage() {
        assert_eq!(
            promotional_sign("Winter SALE: everything must go"),
            Some("sale".into())
        );
        assert_eq!(
            promotional_sign("Profitez de nos Soldes d'hiver !"),
            Some("soldes".into())
        );
        assert_eq!(
            promotional_sign("Un bon plan pour vous"),
            Some("bon plan".into())
        );
        assert_eq!(promotional_sign("-20 % ce week-end"), Some("20%".into()));
        assert_eq!(promotional_sign("Only today: 15% OFF"), Some("15%".into()));
        assert_eq!(
            promotional_sign("Battery 90%, and -30% on cases"),
            Some("30%".into())
        );
    }

    #[test]
    fn alerts_are_not_mistaken_for_promotions() {
        assert_eq!(promotional_sign("Your parcel arrives tomorrow."), None);
        assert_eq!(promotional_sign("Votre code : 123456"), None);
        // Part of a longer word, or a sign alone, is not a sign.
        assert_eq!(promotional_sign("Salesforce maintenance tonight"), None);
        assert_eq!(promotional_sign("Battery at % level"), None);
        assert_eq!(promotional_sign("Battery at 15%: charge it"), None);
        assert_eq!(promotional_sign("95 % de votre forfait utilisé"), None);
        assert_eq!(promotional_sign("Un bon de livraison"), None);
    }
}
