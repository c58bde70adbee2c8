//! Français : what is wrong with an input (the server's problems, the input parsers' errors, the
//! providers' documented refusal codes). The English sentences are in `en_problems.rs`.

use super::fixed_point;
use super::fr_notices::closed;
use super::plural;
use crate::domain::message::{MessageTextError, MAX_TEXT_CHARS};
use crate::domain::parse_errors::{PhoneNumberError, SendTimeError};
use crate::domain::placeholders::{self, PlaceholderError};
use crate::domain::sender::SenderIdError;
use crate::models::{Amount, Problem, ProviderId, ProviderOption, RefusalCode, RuleBreak};

pub(super) fn problem(problem: &Problem) -> String {
    match problem {
        Problem::Text(e) => text(e),
        Problem::PersonalisedText(e) => format!("une fois personnalisé : {}", text(e)),
        Problem::Placeholder(e) => placeholder(e),
        Problem::StopMentionMissing {
            provider: ProviderId::Infobip,
            mention,
        } => format!(
            "Un SMS marketing vers des numéros français doit porter la mention de désinscription \
             « {mention} » (le numéro STOP du compte), écrite exactement ainsi."
        ),
        Problem::StopMentionNotConfigured => "Un SMS marketing vers des numéros français doit \
             offrir un moyen gratuit de se désinscrire, et aucune mention n'est configurée pour \
             Infobip : renseignez infobip.stop_mention avec le numéro STOP du compte (par exemple \
             « STOP au 36111 »)."
            .into(),
        Problem::StopMentionMissing {
            provider: ProviderId::Octopush,
            mention,
        } => format!(
            "Un SMS marketing doit porter la mention de désinscription « {mention} », écrite \
             exactement ainsi (Octopush remplace XXXXX par son numéro de désinscription)."
        ),
        Problem::NoRecipient => "Ajoutez au moins un destinataire.".into(),
        Problem::TooManyRecipients { count, max } => {
            format!("{count} destinataires : une campagne en compte au plus {max}.")
        }
        Problem::MoreLineErrors(n) => format!("…et {n} autres lignes en erreur."),
        Problem::Phone(e) => phone(e),
        Problem::UnreadableLine { detail } => {
            format!("cette ligne n'est pas du CSV lisible : {detail}")
        }
        Problem::UnreadableHeader { detail } => {
            format!("l'en-tête n'est pas du CSV lisible : {detail}")
        }
        Problem::NotUtf8Line => "cette ligne n'est pas du texte UTF-8 : enregistrez le fichier en « CSV UTF-8 » et chargez-le de nouveau".to_owned(),
        Problem::RecipientFileGone => "la liste envoyée n'est plus conservée (elle l'est un jour) : chargez le fichier de nouveau".to_owned(),
        Problem::FileAndTypedRecipients => "des destinataires sont saisis et un fichier est chargé : retirez l'un des deux".to_owned(),
        Problem::FileTooLarge { max_megabytes } => format!(
            "le fichier dépasse ce que le serveur accepte ({max_megabytes} Mo) : répartissez-le en plusieurs campagnes"
        ),
        Problem::ValueCount { values, columns } => {
            format!("{values} valeurs, mais l'en-tête nomme {columns} colonnes.")
        }
        Problem::UnknownColumn(name) => format!(
            "la colonne « {name} » n'est pas connue ; les colonnes sont phone, {}, time_zone et \
             ignore.",
            placeholders::columns_in_words()
        ),
        Problem::RepeatedColumn(name) => format!("la colonne « {name} » apparaît deux fois."),
        Problem::ValueTooLong { column, chars, max } => {
            format!("{column} compte {chars} caractères ; {max} au plus.")
        }
        Problem::RecipientZone(e) => format!("time_zone : {}", send_time(e)),
        Problem::NoPhoneValue => "le numéro de téléphone manque.".into(),
        Problem::SeveralValuesInPhoneCell(cell) => format!(
            "la colonne du numéro contient « {cell} », plus d'une valeur : une ligne est un \
             destinataire, donnez à chaque numéro sa propre ligne."
        ),
        Problem::Sender(e) => sender(e),
        Problem::SendTime(e) => send_time(e),
        Problem::TooFarAhead { provider, days } => format!(
            "{provider} planifie au plus {days} jours à l'avance ; choisissez une date plus proche."
        ),
        Problem::MoveTooFarAhead(days) => {
            format!("Le fournisseur accepte une heure d'envoi au plus {days} jours à l'avance.")
        }
        Problem::TooSoonForApproval { minutes_needed } => format!(
            "Non planifiée : les règles retiendraient cette campagne pour l'approbation d'une \
             autre personne, qui doit arriver au moins {minutes_needed} minutes avant l'heure \
             d'envoi pour la remettre au fournisseur à temps. Choisissez une heure plus tardive, \
             ou « Maintenant » : elle part alors dès qu'elle est approuvée."
        ),
        Problem::TimeBreaksRules { count, named } => format!(
            "Les règles d'envoi n'autorisent pas cette heure pour {count} destinataire{} : {}. \
             Choisissez une autre heure.",
            plural::french(*count as u64),
            rule_breaks(named, *count)
        ),
        Problem::NameTooLong { length, max } => {
            format!("Le nom d'une campagne a au plus {max} caractères ; celui-ci en a {length}.")
        }
        Problem::OverrideReasonMissing => "Dites pourquoi les règles d'envoi sont outrepassées : \
             la raison est enregistrée avec la campagne."
            .into(),
        Problem::NoNumber => "Saisissez au moins un numéro.".into(),
        Problem::NotADay(text) => format!("« {text} » n'est pas un jour écrit AAAA-MM-JJ."),
        Problem::ValidityNotMinutes(typed) => {
            format!("« {typed} » n'est pas un nombre entier de minutes.")
        }
        Problem::ValidityOutOfRange { minutes, max } => format!(
            "{minutes} minutes : Infobip essaie de remettre le message pendant 1 à {max} minutes \
             (48 heures) ; laissez vide pour sa durée par défaut."
        ),
        Problem::OptionNotOffered { provider, option } => {
            format!("{provider} ne propose pas {}.", provider_option(*option))
        }
        Problem::OverBalance {
            provider,
            estimate,
            balance,
            currency,
        } => format!(
            "Le coût estimé, {} {currency}, dépasse le solde {provider}, {} {currency} : \
             {provider} enverrait une partie de la campagne et refuserait le reste. Ajoutez du \
             crédit, ou envoyez à moins de destinataires.",
            french_amount(*estimate),
            french_amount(*balance)
        ),
        Problem::ProviderSaid {
            provider,
            code,
            words,
        } => provider_said(*provider, code.as_deref(), words),
    }
}

fn provider_option(option: ProviderOption) -> &'static str {
    match option {
        ProviderOption::Simulation => "de simulation",
        ProviderOption::WithReplies => "de réponses",
        ProviderOption::RemoveBlacklisted => "d'écarter les numéros de la liste noire",
        ProviderOption::Flash => "le SMS flash",
        ProviderOption::Validity => "de durée de validité",
    }
}

/// A provider's refusal: a code it documents in French, with the code; else its own words.
pub(super) fn provider_said(provider: ProviderId, code: Option<&str>, words: &str) -> String {
    match code.and_then(|code| Some((RefusalCode::read(provider, code)?, code))) {
        Some((known, code)) => format!("{} (code {code})", refusal_code(known)),
        None => words.to_owned(),
    }
}

fn refusal_code(code: RefusalCode) -> &'static str {
    use RefusalCode::*;
    match code {
        WrongLoginOrKey => "l'identifiant ou la clé d'API est faux",
        NoRecipients => "la campagne n'a pas de destinataire",
        NotEnoughCredit => "le compte n'a pas assez de crédit",
        BadSender => "l'expéditeur doit compter de 3 à 11 lettres ou chiffres",
        NoText => "le texte du message manque",
        AccountNotValidated => "le compte Octopush n'est pas encore validé",
        NoValidNumber => "aucun numéro valide dans la liste",
        AlreadySubmitted => "cette requête a déjà été soumise dans les dernières 24 heures",
        StopMentionPremium => "un SMS marketing premium doit contenir la mention « STOP au XXXXX »",
        StopMentionLowCost => {
            "un SMS marketing low cost doit contenir la mention « STOP au XXXXX »"
        }
        NoCountryForPrefix => "aucun pays ne correspond à l'indicatif d'un numéro",
        CountryNotServed => "le pays d'un numéro n'est pas desservi",
        NoLowCostRoute => "aucune route low cost ne dessert le pays d'un numéro",
        RouteCongested => "la route est encombrée ; réessayez plus tard",
        OctopushFailed => "Octopush n'a pas pu traiter la requête",
        OctopushConnection => "Octopush a eu une erreur de connexion",
        WrongApiKey => "la clé d'API Infobip est fausse",
        KeyNotAllowed => "la clé d'API Infobip ne peut pas utiliser ce point d'accès",
        UnknownBulk => "Infobip ne connaît pas ce lot",
        LimitingRequests => "Infobip limite les requêtes ; réessayez plus tard",
    }
}

fn text(error: &MessageTextError) -> String {
    match error {
        MessageTextError::Empty => "Le message est vide.".into(),
        MessageTextError::TooLong(n) => format!(
            "Le message compte {n} caractères ; une campagne en accepte au plus {MAX_TEXT_CHARS}."
        ),
    }
}

fn placeholder(error: &PlaceholderError) -> String {
    match error {
        PlaceholderError::Unknown(name) => format!(
            "{{{name}}} n'est pas un champ à insérer ; utilisez {}.",
            placeholders::in_words()
        ),
        PlaceholderError::Unfilled(name) => {
            format!("{{{name}}} n'a pas de valeur pour ce destinataire.")
        }
        PlaceholderError::InNoLine(name) => format!(
            "Aucune ligne de la liste n'a de valeur pour {{{name}}} : sa colonne est-elle nommée \
             autrement, ou réglée sur « non utilisée » ? Choisissez {name} pour cette colonne (ou \
             nommez-la {name} sur la première ligne de la liste), ou retirez {{{name}}} du message."
        ),
        PlaceholderError::Unclosed(name) => {
            format!("{{{name} n'a pas d'accolade fermante : écrivez {{{name}}}.")
        }
    }
}

fn sender(error: &SenderIdError) -> String {
    match error {
        SenderIdError::TooShort(n) => {
            format!("L'expéditeur doit compter au moins 3 caractères (il en a {n}).")
        }
        SenderIdError::TooLong(n) => {
            format!("L'expéditeur compte au plus 11 caractères (il en a {n}).")
        }
        SenderIdError::InvalidCharacter(c) => format!(
            "L'expéditeur ne peut employer que les lettres A–Z, a–z et les chiffres 0–9 ; « {c} » \
             n'est pas permis."
        ),
    }
}

fn phone(error: &PhoneNumberError) -> String {
    match error {
        PhoneNumberError::Unparsable(input) => {
            format!("« {input} » n'est pas un numéro de téléphone.")
        }
        PhoneNumberError::Invalid(input) => {
            format!("« {input} » n'est pas un numéro valide pour son pays.")
        }
        PhoneNumberError::StrayCharacter { input, character } => format!(
            "« {input} » n'est pas un numéro de téléphone : « {character} » n'y a pas sa place \
             (seuls les chiffres, les espaces et + - . ( ) l'ont)."
        ),
        PhoneNumberError::UnknownRegion(input) => format!(
            "« {input} » n'est pas un code de pays (deux lettres attendues, comme FR ou US)."
        ),
    }
}

fn send_time(error: &SendTimeError) -> String {
    match error {
        SendTimeError::UnknownZone(input) => format!(
            "« {input} » n'est pas un nom de fuseau horaire (un nom comme Europe/Paris est attendu)."
        ),
        SendTimeError::Unparsable(input) => format!(
            "« {input} » n'est pas une date et une heure (AAAA-MM-JJTHH:MM attendu)."
        ),
        SendTimeError::Skipped { local, zone } => format!(
            "{local} n'existe pas en {zone} : on avance alors les horloges. Choisissez une heure \
             hors du changement."
        ),
        SendTimeError::InPast { local, zone, now } => {
            format!("{local} en {zone} est passé (il est {now} là-bas).")
        }
        SendTimeError::Missing => "Saisissez la date et l'heure d'envoi, en entier, ou choisissez \
             d'envoyer maintenant."
            .into(),
        SendTimeError::NowAndTime => {
            "Choisissez d'envoyer maintenant ou à une date et une heure, pas les deux.".into()
        }
        SendTimeError::BeyondHorizon { local, days } => {
            format!("{local} est à plus de {days} jours : choisissez une date plus proche.")
        }
    }
}

/// `ligne 3 (+33…) : raison ; … ; et 4 de plus`.
fn rule_breaks(named: &[RuleBreak], count: usize) -> String {
    let mut words = named
        .iter()
        .map(|b| format!("ligne {} ({}) : {}", b.line, b.phone, closed(&b.closed)))
        .collect::<Vec<_>>()
        .join(" ; ");
    if count > named.len() {
        words.push_str(&format!(" ; et {} de plus", count - named.len()));
    }
    words
}

/// `110,00`: the French decimal comma.
fn french_amount(amount: Amount) -> String {
    fixed_point(amount.units(), 2, ',')
}
