//! A campaign's name as typed.

use app::domain::campaign::CAMPAIGN_NAME_MAX;
use app::models::Problem;

/// A campaign's name as typed: trimmed, `None` when blank, refused when longer than
/// `CAMPAIGN_NAME_MAX`.
pub fn campaign_name(typed: &str) -> Result<Option<String>, Problem> {
    let name = typed.trim();
    let length = name.chars().count();
    if length > CAMPAIGN_NAME_MAX {
        return Err(Problem::NameTooLong {
            length,
            max: CAMPAIGN_NAME_MAX,
        });
    }
    Ok((!name.is_empty()).then(|| name.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_optional_and_bounded() {
        assert_eq!(
            campaign_name("  Soldes d'hiver "),
            Ok(Some("Soldes d'hiver".into()))
        );
        assert_eq!(campaign_name("   "), Ok(None));
        assert_eq!(
            campaign_name(&"é".repeat(CAMPAIGN_NAME_MAX)).map(|n| n.is_some()),
            Ok(true)
        );
        assert_eq!(
            campaign_name(&"a".repeat(CAMPAIGN_NAME_MAX + 1)),
            Err(Problem::NameTooLong {
                length: CAMPAIGN_NAME_MAX + 1,
                max: CAMPAIGN_NAME_MAX
            })
        );
    }
}
