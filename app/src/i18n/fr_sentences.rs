//! Français: the longer phrases, sentences built from counts and progress.

use super::{fixed_point, fr_names, plural};
use crate::domain::column_mapping::LoadedList;
use crate::domain::file_charset::FileCharset;
use crate::domain::message::MessageStats;
use crate::models::{
    CapTerms, LimitedAction, NotLetIn, OperationReport, ScheduleProgress, SwitchedToUcs2,
};

pub(super) fn counter(stats: &MessageStats) -> String {
    format!(
        "{} caractère{} · {} · {} SMS · {} restant{} dans cette partie",
        stats.characters,
        plural::french(stats.characters as u64),
        stats.encoding,
        stats.parts,
        stats.remaining_in_part(),
        plural::french(stats.remaining_in_part() as u64)
    )
}

pub(super) fn accent_apart(base: char, mark: char, letter: char) -> String {
    format!(
        "« {base}{mark} » (« {base} » suivi d'un accent tapé à part, U+{:04X} ; remplacer les \
         deux par « {letter} »)",
        mark as u32
    )
}

pub(super) fn double_characters(characters: &[char]) -> String {
    let listed = super::quoted_letters(characters, "« ", " »");
    match characters.len() {
        1 => format!(
            "{listed} compte pour deux caractères en GSM-7 (un échappement, puis lui-même)."
        ),
        _ => format!(
            "{listed} comptent chacun pour deux caractères en GSM-7 (un échappement, puis le \
             caractère)."
        ),
    }
}

pub(super) fn charset_note(charset: FileCharset) -> &'static str {
    match charset {
        FileCharset::Utf8 => "",
        FileCharset::Windows1252 => {
            "Il a été lu en Windows-1252 (le CSV d'Excel) : vérifiez ses lettres accentuées dans \
             l'aperçu."
        }
        FileCharset::MacRoman => {
            "Il a été lu en Mac Roman (un CSV Mac) : vérifiez ses lettres accentuées dans l'aperçu."
        }
        FileCharset::Utf16Le | FileCharset::Utf16Be => "Il a été lu en UTF-16.",
    }
}

pub(super) fn list_loaded(file: &str, loaded: LoadedList) -> String {
    match loaded {
        LoadedList::Rows(n) => {
            let s = plural::french(n as u64);
            format!("{file} : un en-tête et {n} destinataire{s} (un par ligne) chargés ci-dessous.")
        }
        LoadedList::Lines(n) => {
            let s = plural::french(n as u64);
            format!("{file} : {n} ligne{s} de numéros chargée{s} ci-dessous.")
        }
    }
}

pub(super) fn file_too_large(file: &str, megabytes: f64) -> String {
    let size = fixed_point(megabytes, 1, ',');
    format!("{file} fait {size} Mo ; les fichiers jusqu'à 20 Mo peuvent être lus.")
}

pub(super) fn file_sending(file: &str, sent: f64, total: f64) -> String {
    let mb = |bytes: f64| fixed_point(bytes / 1024.0 / 1024.0, 1, ',');
    format!(
        "Envoi de {file} et lecture sur le serveur : {} sur {} Mo…",
        mb(sent),
        mb(total)
    )
}

pub(super) fn file_read(file: &str, recipients: u64, repeated: u64, errors: u64) -> String {
    let s = plural::french(recipients);
    let mut said =
        format!("{file} : {recipients} destinataire{s} lu{s} sur le serveur (conservé un jour)");
    if repeated > 0 {
        let s = plural::french(repeated);
        said += &format!(", {repeated} numéro{s} répété{s} (un seul envoi chacun)");
    }
    if errors > 0 {
        let s = plural::french(errors);
        said += &format!(", {errors} ligne{s} en erreur");
    }
    said + "."
}

pub(super) fn preview_parts(parts: u64, requests: u32, cost: &str) -> String {
    format!(
        "{parts} partie{} en {requests} requête{} au fournisseur, {cost}",
        plural::french(parts),
        plural::french(requests.into())
    )
}

pub(super) fn handover(provider: &str, progress: &ScheduleProgress) -> String {
    format!(
        "Transmission à {provider} : {} requête{} sur {} traitée{} ({} destinataire{} sur {})",
        progress.answered,
        plural::french(progress.answered.into()),
        progress.requests,
        plural::french(progress.answered.into()),
        progress.recipients_answered,
        plural::french(progress.recipients_answered),
        progress.recipients
    )
}

pub(super) fn duplicates_merged(n: usize) -> String {
    let (s, their) = if n > 1 { ("s", "leur") } else { ("", "sa") };
    format!("{n} numéro{s} répété{s} fusionné{s} avec {their} première ligne.")
}

pub(super) fn moved_from(n: u64) -> String {
    let s = plural::french(n);
    format!("{n} destinataire{s} décalé{s} par les règles d'envoi, à partir du")
}

pub(super) fn receipt_partial(handed: u32, total: u32) -> String {
    format!(
        "Planifiée en partie : {handed} destinataire{} sur {total} remis au fournisseur",
        plural::french(handed.into())
    )
}

pub(super) fn low_balance(provider: &str, balance: &str, recipients: u64, cost: &str) -> String {
    format!(
        "Crédit {provider} bas : {balance}, moins que la dernière campagne ({recipients} destinataire{}, {cost})",
        plural::french(recipients)
    )
}

pub(super) fn campaign_again_loaded(n: u64, provider: &str) -> String {
    if n == 1 {
        return format!(
            "Le destinataire et les réglages de la campagne ({provider}), en nouvelle campagne : \
             vérifiez-les, puis planifiez."
        );
    }
    format!(
        "Les {n} destinataire{} et les réglages de la campagne ({provider}), en nouvelle \
         campagne : vérifiez-les, puis planifiez.",
        plural::french(n)
    )
}

pub(super) fn refused_again_loaded(n: u64, provider: &str) -> String {
    format!(
        "{n} destinataire{} refusé{} par {provider}, avec le message et les réglages de la \
         campagne. Corrigez ce qui a causé le refus (crédit, expéditeur…), vérifiez le \
         formulaire, puis planifiez.",
        plural::french(n),
        plural::french(n)
    )
}

pub(super) fn no_answer_recipients(n: u32, why: &str) -> String {
    format!(
        "{n} destinataire{} : pas de réponse du fournisseur ({why}) ; vérifié de nouveau automatiquement",
        plural::french(n.into())
    )
}

pub(super) fn operation_report(report: &OperationReport) -> String {
    let operation = fr_names::operation(report.operation);
    let mut text = format!(
        "{operation} : {} requête{} traitée{}",
        report.done,
        plural::french(report.done.into()),
        plural::french(report.done.into()),
    );
    if report.says_recipients() {
        text.push_str(&format!(
            ", {} destinataire{} modifié{}",
            report.recipients_moved,
            plural::french(report.recipients_moved),
            plural::french(report.recipients_moved),
        ));
    }
    text.push('.');
    for refusal in &report.refused {
        text.push_str(&format!(" Refusé : {refusal}"));
    }
    text
}

pub(super) fn cap_terms(cap: &CapTerms) -> String {
    let over = if cap.over_cap_left_out {
        "est écarté"
    } else {
        "le reçoit avec un avertissement"
    };
    format!(
        "Au plus {} message{} marketing par numéro en {} jour{} ; un destinataire au-delà {over}.",
        cap.max_messages,
        plural::french(cap.max_messages.into()),
        cap.days,
        plural::french(cap.days.into())
    )
}

pub(super) fn busy(provider: &str, wait: Option<u64>) -> String {
    match wait {
        Some(seconds) => format!(
            "{provider} reçoit trop de requêtes ; rien n'a été fait. Réessayez dans {seconds} s."
        ),
        None => format!(
            "{provider} reçoit trop de requêtes ; rien n'a été fait. Réessayez dans un instant."
        ),
    }
}

pub(super) fn throttled(action: LimitedAction, per_minute: u32, wait_seconds: u64) -> String {
    let what = match action {
        LimitedAction::Preview => "aperçus",
        LimitedAction::Schedule => "programmations",
    };
    format!(
        "Vous avez demandé plus de {per_minute} {what} par minute ; rien n'a été fait. Réessayez dans {wait_seconds} s."
    )
}

pub(super) fn not_let_in(why: &NotLetIn) -> String {
    match why {
        NotLetIn::NotThroughPortal => {
            "Personne n'est connecté, rien n'a donc été fait : ouvrez cette application par le portail, qui vous connecte.".into()
        }
        NotLetIn::UntrustedAddress => "Cette requête n'est pas passée par le proxy du portail : le nom qu'elle porte n'est pas cru et rien n'a été fait. Ouvrez l'application par le portail.".into(),
        NotLetIn::ProxySecret => "Le proxy du portail ne s'est pas authentifié (son secret manque ou est faux), rien n'a donc été fait : prévenez l'équipe qui gère le portail.".into(),
        NotLetIn::NoRole(name) => format!("{name} est connecté, mais aucun de ses groupes ne donne de rôle dans cette application, rien n'a donc été fait : demandez-en un à un administrateur."),
        NotLetIn::Unavailable => "La connexion ne peut pas être vérifiée pour le moment, rien n'a donc été fait : réessayez dans un instant.".into(),
    }
}

pub(super) fn switched_to_ucs2(switched: &SwitchedToUcs2) -> String {
    let n = switched.messages;
    format!(
        "{n} message{}{} en UCS-2 (70 caractères par partie au lieu de 160) à cause de \
         caractères dans les valeurs de {} destinataire{}, comme {} à la ligne {}.",
        plural::french(n),
        if n > 1 { " partent" } else { " part" },
        if n > 1 { "leurs" } else { "son" },
        plural::french(n),
        super::quoted_letters(&switched.letters, "« ", " »"),
        switched.first_line
    )
}

/// An opt-out list added: numbers new on the list, already there, and written again in it.
pub(super) fn opt_outs_added(added: u32, listed: u32, repeated: u32) -> String {
    let added = format!(
        "{added} ajouté{}, {listed} déjà dans la liste",
        plural::french(added.into())
    );
    match repeated {
        0 => format!("{added}."),
        _ => {
            let s = plural::french(repeated.into());
            format!("{added}, {repeated} répété{s} dans cette liste (compté{s} une fois).")
        }
    }
}
