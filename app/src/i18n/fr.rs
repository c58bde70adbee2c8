//! Français.

use super::Texts;
use super::{
    fixed_point, fr_approval, fr_names, fr_notices, fr_problems, fr_refusals, fr_sentences, plural,
};
use crate::domain::column_mapping::ColumnTarget;
use crate::models::{ProviderId, RecipientStatus};

pub static FR: Texts = Texts {
    app_title: "Planificateur de SMS",
    nav_label: "Principal",
    nav_compose: "Rédiger",
    nav_campaigns: "Campagnes",
    nav_opt_outs: "Désinscriptions",
    nav_settings: "Réglages",
    language_label: "Langue",
    not_found: "Cette page n'existe pas.",
    stopped: "La page a cessé de fonctionner, sans doute parce qu'une nouvelle version a été installée. Rechargez-la pour continuer.",
    reload: "Recharger la page",

    loading: "Chargement…",
    refresh: "Actualiser",
    cancel: "Annuler",
    keep_it: "La garder",
    previous: "Précédents",
    next: "Suivants",
    all: "Tous",
    provider: "Fournisseur",
    recipients: "Destinataires",
    message: "Message",
    purpose: "Nature du message",
    state: "État",
    send_at: "Envoi le",
    time_zone: "Fuseau horaire",
    reschedule: "Replanifier",
    sms: "SMS",
    now: "maintenant",
    at_once: "tout de suite",
    left_out: "Écartés",
    moved_by_rules: "Décalés par les règles d'envoi",
    balance: "Crédit",
    some_fields: "Certains champs sont à revoir.",

    composer_title: "Nouvelle campagne",
    campaign_name_label: "Nom de la campagne (facultatif, pour la distinguer dans la liste)",
    recipients_label: "Destinataires : un numéro par ligne, ou un CSV avec un en-tête (phone, first_name, last_name, param1…param5, time_zone)",
    campaign_type: "Type de campagne",
    premium: "Premium",
    low_cost: "Low cost",
    purpose_alert_choice: "Alerte (transactionnel)",
    purpose_marketing_choice: "Marketing",
    sender_label: "Expéditeur (3 à 11 lettres ou chiffres ; vide pour celui du fournisseur)",
    send_when: "Quand envoyer",
    no_stop_mention: "Le marketing vers des numéros français par Infobip demande la mention de désinscription du compte, et aucune n'est configurée (infobip.stop_mention) : il sera refusé.",
    send_later_choice: "À une date et une heure",
    counter_of_template: "Ces comptes sont ceux du modèle : chaque message est compté avec les valeurs de son destinataire dans l'aperçu.",
    send_now_choice: "Maintenant",
    send_at_label: "Envoi le",
    send_at_incomplete: "Cette date et cette heure ne sont pas complètes : remplissez-en chaque partie, ou choisissez Maintenant.",
    local_time_choice: "Lire cette heure sur l'horloge de chaque destinataire (son fuseau, d'après la liste ou le numéro)",
    with_replies_choice: "Permettre les réponses (le fournisseur choisit un numéro comme expéditeur)",
    octopush_options: "Options d'Octopush",
    remove_blacklisted_choice: "Écarter les numéros de la liste noire du compte Octopush (Octopush facture 0,01 EUR par requête de 500 numéros au plus)",
    infobip_options: "Options d'Infobip",
    flash_choice: "SMS flash : affiché tout de suite sur l'écran du téléphone, sans être gardé dans sa messagerie",
    validity_label: "Cesser d'essayer de remettre le message après (minutes, de 1 à 2880 ; vide : 48 heures)",
    simulation_choice: "Simulation : vérifier et chiffrer, ne rien envoyer",
    scheduling: "Planification…",
    checking: "Vérification…",
    schedule: "Planifier",
    recording: "Vérification et enregistrement des destinataires…",
    placeholder_group: "Insérer un champ variable",
    insert: "Insérer :",
    upload_csv: "Charger un fichier CSV",
    remove_file: "Retirer le fichier",
    use_columns: "Utiliser ces colonnes",
    mapping_no_phone: "Choisissez la colonne qui contient les numéros de téléphone.",
    outside_window: "En dehors des heures d'envoi autorisées",
    outside_defer: "Les décaler à la prochaine heure autorisée",
    outside_skip: "Les écarter",
    outside_override: "Envoyer quand même, pour cette raison :",
    override_reason: "Raison d'un envoi en dehors des heures autorisées",
    reading_balance: "Lecture du crédit…",

    preview_title: "Aperçu",
    preview_empty: "Écrivez le message et les destinataires pour voir ce qui serait envoyé.",
    preview_not_ready: "Pas encore prêt à planifier :",
    preview_search: "Trouver un destinataire (numéro ou ligne)",
    at_requested_time: "À l'heure demandée",
    no_price: "aucun prix configuré pour ce fournisseur",
    over_cap: "Au-delà du plafond de fréquence (envoyés avec un avertissement)",
    moved_to_word: " pour le ",
    moved_to: "décalé au ",
    confirm_schedule_title: "Planifier cette campagne ?",
    confirm_simulate_title: "Simuler cette campagne ?",
    to: "À",
    when: "Quand",
    estimated_cost: "Coût estimé",
    cost_unknown: "inconnu (aucun prix configuré)",
    confirm_button: "Confirmer et planifier",
    change_something: "Modifier",
    options_chosen: "Options choisies",
    blacklist_option: "numéros de la liste noire d'Octopush écartés",
    flash_option: "SMS flash",
    replies_option: "réponses permises",

    receipt_scheduled: "Planifiée",
    receipt_simulated: "Simulation : rien n'a été envoyé",
    receipt_nothing: "Rien n'a été planifié",
    schedule_again: "Planifier ce formulaire de nouveau",
    new_campaign: "Nouvelle campagne",
    reference: "Référence",
    sms_needed: "SMS nécessaires",
    cost: "Coût",
    send_time: "Heure d'envoi",
    not_given: "non communiqué",
    reference_unknown: "pas encore connue : le fournisseur a pris la campagne ; sa référence arrive avec les accusés de réception",
    not_handed_over: "Non transmis :",
    left_out_list: "Écartés :",
    repeated_list: "Écartés car ils répètent une ligne précédente :",
    refused_list: "Refusés par le fournisseur :",
    warnings_list: "Avertissements :",
    follow_campaign: "Suivre cette campagne",

    no_match: "Aucune campagne ne correspond à ces filtres.",
    no_campaign_yet: "Aucune campagne pour l'instant. ",
    schedule_one: "En planifier une",
    newest_campaigns: "Campagnes récentes",
    older_campaigns: "Campagnes plus anciennes",
    simulation_badge: "simulation",
    filters_label: "Filtrer les campagnes",
    search: "Rechercher",
    search_placeholder: "Des mots du message, ou un numéro de téléphone",

    all_campaigns: "← Toutes les campagnes",
    campaign_title: "Campagne",
    campaign_name: "Nom",
    default_sender: "celui du fournisseur",
    timeline: "Historique",
    show: "Afficher",
    export_csv: "Exporter en CSV",
    hide: "Masquer",
    history: "Historique",
    scheduled_by: "Planifiée par",
    rules_overridden: "Règles d'envoi outrepassées",
    actions: "Actions",
    cancel_campaign: "Annuler la campagne",
    cancel_question: "Annuler tous les messages de cette campagne pas encore envoyés ?",
    yes_cancel: "Oui, annuler",
    new_time: "Nouvelle heure, dans le fuseau de la campagne",
    pause: "Suspendre",
    resume: "Reprendre",
    not_offered: "non proposé pour cette campagne",

    sandbox_clock: "Horloge du bac à sable",
    sandbox_explained: "Les bacs à sable envoient les messages planifiés quand leur horloge atteint l'heure d'envoi. Avancez-la pour voir les statuts changer maintenant ; les vrais fournisseurs ne sont pas concernés.",
    sandbox_time: "Heure du bac à sable : ",
    real_time: "heure réelle",
    day_unit: "j",
    step_10_minutes: "+10 minutes",
    step_1_hour: "+1 heure",
    step_1_day: "+1 jour",

    add_numbers: "Ajouter des numéros",
    numbers_per_line: "Numéros, un par ligne",
    add_to_list: "Ajouter à la liste",
    import_csv: "Importer un fichier CSV",
    opt_out_file_help: "Un fichier a un numéro par ligne, ou un en-tête avec une colonne phone. Une liste qui contient une erreur n'ajoute rien : corrigez les lignes indiquées et ajoutez-la de nouveau.",
    opt_out_list: "Liste des désinscriptions",
    still_scheduled_intro: "Encore à envoyer : ces campagnes ont été remises avant la désinscription du numéro, et le fournisseur les détient.",
    still_scheduled_what_to_do: "Ni Octopush ni Infobip ne peuvent retirer un numéro d'une campagne qu'ils détiennent : annulez la campagne sur sa page avant son heure d'envoi, puis planifiez-la de nouveau (la liste des désinscriptions écarte désormais le numéro).",
    find_number: "Trouver un numéro",
    no_number: "Aucun numéro ici.",
    remove: "Retirer",
    remove_question: "Des messages pourront de nouveau atteindre ce numéro. Le retirer ?",
    yes_remove: "Oui, retirer",

    providers: "Fournisseurs",
    sandbox: "bac à sable",
    real_service: "service réel",
    pause_resume: "Suspendre et reprendre",
    per_request: "Destinataires par requête",
    scheduling_ahead: "Planification à l'avance",
    no_limit: "sans limite",
    reading: "Lecture…",
    yes: "oui",
    sending_rules: "Règles d'envoi",
    numbers_without_plus: "Numéros sans +",
    per_campaign: "Destinataires par campagne",
    frequency_cap: "Plafond de fréquence",
    policy_caption: "La première règle qui nomme le pays du destinataire s'applique, sinon celle de tous les pays.",
    every_other: "tous les autres",
    server: "Serveur",
    base_path: "Chemin de base",
    site_root: "/ (la racine du site)",
    identity_header: "En-tête de l'utilisateur connecté",
    no_identity: "aucun : chaque action est enregistrée au nom de local-operator",
    framed_by: "Peut être intégré par",
    own_pages_only: "les pages de cette application seulement",
    database: "Base de données",
    nav_audit: "Journal d'audit",
    audit_person: "Personne",
    audit_action_label: "Action",
    audit_campaign: "Identifiant de campagne",
    audit_from: "Du",
    audit_until: "Au",
    all_actions: "Toutes les actions",
    no_audit_entry: "Aucune action ne correspond.",
    audit_done: "Fait",
    approval_title: "Approbation",
    held_receipt: "En attente d'approbation : rien n'a été remis au fournisseur. Un autre approbateur ou administrateur doit d'abord l'approuver ; sa page dit où elle en est.",
    held_because: "Retenue pour",
    rejection_reason: "Motif du rejet",
    will_be_held: "Rien ne part avant qu'un autre approbateur ou administrateur l'approuve, pour",
    session_ended: "Votre connexion a pris fin : rien ne peut partir avant que vous vous reconnectiez. Ce que vous avez saisi reste sur cette page.",
    sign_in_again: "Se reconnecter (nouvel onglet)",
    sign_out: "Se déconnecter",

    table_of: |name| format!("Tableau : {name}"),
    campaign_columns: &["Créée le", "Campagne", "Envoi", "Expéditeur", "Fournisseur", "Destinataires", "État"],
    recipient_columns: &["Ligne", "Numéro", "Statut", "Envoi le", "Parties", "Raison ou avertissements", "Historique"],
    opt_out_columns: &["Numéro", "Source", "Ajouté par", "Ajouté le", ""],
    audit_columns: &["Quand", "Qui", "Rôle", "Action", "Résultat", "Campagne", "Numéro", "Nombre", "Détail", "Depuis"],
    policy_columns: &["Règle", "Pays", "Nature du message", "Plage", "Application"],

    status_name: |status| match status {
        RecipientStatus::Pending => "en attente",
        RecipientStatus::Unknown => "incertain",
        RecipientStatus::Scheduled => "planifié",
        RecipientStatus::Accepted => "accepté",
        RecipientStatus::Sent => "envoyé",
        RecipientStatus::Delivered => "remis",
        RecipientStatus::Failed => "échoué",
        RecipientStatus::Expired => "expiré",
        RecipientStatus::Canceled => "annulé",
        RecipientStatus::Excluded => "écarté",
        RecipientStatus::Simulated => "simulé",
    },
    status_count: |status, n| {
        // The name agrees with « destinataires », except the two that do not change.
        let s = match status {
            RecipientStatus::Pending | RecipientStatus::Delivered => "",
            RecipientStatus::Unknown
            | RecipientStatus::Scheduled
            | RecipientStatus::Accepted
            | RecipientStatus::Sent
            | RecipientStatus::Failed
            | RecipientStatus::Expired
            | RecipientStatus::Canceled
            | RecipientStatus::Excluded
            | RecipientStatus::Simulated => plural::french(n),
        };
        format!("{n} {}{s}", (FR.status_name)(status))
    },
    enforcement_name: fr_names::enforcement,
    state_name: fr_names::state,
    purpose_name: fr_names::purpose,
    action_name: fr_names::action,
    opt_out_source: fr_names::opt_out_source,
    event_source: fr_names::event_source,
    role_name: fr_names::role,
    audit_action: fr_names::audit_action,
    audit_refused: |right| format!("Refusé : pas le droit de {}", fr_names::right(right)),
    audit_days_in: |zone| format!("Jours selon {zone}."),
    rule_name: fr_names::rule,
    column_target: |target| match target {
        ColumnTarget::Phone => "numéro de téléphone",
        ColumnTarget::Placeholder("first_name") => "prénom",
        ColumnTarget::Placeholder("last_name") => "nom",
        ColumnTarget::Placeholder(name) => name,
        ColumnTarget::TimeZone => "fuseau horaire",
        ColumnTarget::Ignored => "non utilisée",
    },
    decimal: |value| fixed_point(value, 2, ','),

    sandbox_provider: |provider| format!("{provider} (bac à sable)"),
    counter: fr_sentences::counter,
    ucs2_warning: |named| {
        format!("UCS-2 : 70 caractères par SMS au lieu de 160, à cause de {named}.")
    },
    non_gsm: |c, look_alike| match look_alike {
        Some(replacement) => {
            format!("« {c} » (U+{:04X}, à remplacer par « {replacement} »)", c as u32)
        }
        None => format!("« {c} » (U+{:04X})", c as u32),
    },
    accent_apart: |base, mark, letter| {
        format!(
            "« {base}{mark} » (« {base} » suivi d'un accent tapé à part, U+{:04X} ; remplacer les \
             deux par « {letter} »)",
            mark as u32
        )
    },
    double_characters: |characters| {
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
    },
    mapping_legend: |file| format!("Que contient chaque colonne de {file} ?"),
    column_named: |cell| format!("Colonne « {cell} »"),
    mapping_twice: |target| format!("Une seule colonne peut contenir le {target}."),
    stop_mention_hint: |provider, mention| match provider {
        ProviderId::Octopush => format!("Le marketing par Octopush doit contenir « {mention} » (Octopush y met son numéro)."),
        ProviderId::Infobip => format!("Le marketing vers des numéros français doit contenir « {mention} »."),
    },
    list_loaded: fr_sentences::list_loaded,
    file_too_large: fr_sentences::file_too_large,
    file_unreadable: |file| format!("{file} n'a pas pu être lu comme du texte."),
    reads_like_marketing: |sign| {
        format!(
            "« {sign} » évoque une promotion : si ce message fait la promotion de quelque chose, \
             choisissez Marketing, pour que la mention de désinscription, les horaires d'envoi et \
             le plafond de fréquence s'appliquent."
        )
    },
    file_large_utf16: |file| {
        format!(
            "{file} est enregistré en UTF-16 (« Texte Unicode » d'Excel). Un fichier aussi \
             volumineux est envoyé tel quel au serveur, ce qui n'est possible qu'en UTF-8, en \
             Windows-1252 ou en Mac Roman : dans Excel, enregistrez-le au format « CSV UTF-8 \
             (délimité par des virgules) » puis choisissez-le de nouveau."
        )
    },
    charset_note: fr_sentences::charset_note,

    preview_parts: fr_sentences::preview_parts,
    handover: fr_sentences::handover,
    estimated: |amount| format!("coût estimé {amount}"),
    among_first: |n| format!(" (parmi les {n} premiers)"),
    counted: |n, what| format!("{n} destinataire{} : {what}", plural::french(n)),
    moved_heading: |among| format!("Décalés{among} :"),
    left_out_heading: |among| format!("Écartés{among} :"),
    duplicates_merged: fr_sentences::duplicates_merged,
    left_out_because: |reason| format!("écarté : {reason}"),
    line_and_number: |line, number| format!("Ligne {line} · {number}"),
    encoding_parts: |encoding, parts| format!("{encoding} · {parts} SMS"),
    in_recipient_time: |at| format!("{at} à l'heure de chaque destinataire"),
    validity_option: |minutes| format!("remise tentée pendant {minutes} minutes au plus"),
    recipient_count: |n| format!("{n} destinataire{}", plural::french(n)),
    moved_from: fr_sentences::moved_from,
    moved_of_them: |n| format!(", dont {n} décalé{} plus tard par les règles d'envoi", plural::french(n)),
    left_out_count: |n| format!(" ; {n} écarté{}", plural::french(n)),
    parts_count: |n| format!("{n} partie{}", plural::french(n)),

    receipt_partial: fr_sentences::receipt_partial,
    refused_recipients: |n, why| format!("{n} destinataire{} refusé{} : {why}", plural::french(n.into()), plural::french(n.into())),
    low_balance: fr_sentences::low_balance,
    refused_again_link: |n| match n {
        0 | 1 => "Planifier de nouveau le destinataire refusé".to_owned(),
        n => format!("Planifier de nouveau les {n} destinataires refusés"),
    },
    refused_again_loaded: fr_sentences::refused_again_loaded,
    no_answer_recipients: fr_sentences::no_answer_recipients,
    line_note: |line, number, note| format!("Ligne {line} ({number}) : {note}"),
    and_more: |n| format!("…et {n} de plus"),
    same_as_line: |line, number, first| format!("Ligne {line} : {number} (comme la ligne {first})"),

    operation_report: fr_sentences::operation_report,
    ahead_of_real_time: |offset| format!("{offset} d'avance sur l'heure réelle"),
    all_statuses: |n| format!("Tous les statuts ({n})"),
    page_range: |first, last, total| format!("{first}–{last} sur {total}"),
    history_of_line: |line| format!("Historique de la ligne {line}"),

    opt_outs_added: |added, listed| {
        format!("{added} ajouté{}, {listed} déjà dans la liste.", plural::french(added.into()))
    },
    remove_number: |phone| format!("Retirer {phone}"),
    still_scheduled_item: |phone, provider| format!("{phone} : une campagne que {provider} détient, à envoyer le"),

    refresh_balance: |provider| format!("Actualiser le crédit {provider}"),
    credit_in: |country| format!("Crédit pour le pays {country}"),
    product_sms: |product, sms| format!("{product} : {} SMS", fixed_point(sms, 0, ',')),
    days: fr_notices::days,
    yes_with: |conditions| format!("oui, {conditions}"),
    no_because: |why| format!("non : {why}"),
    read_as: |region| format!("lus comme des numéros {region}"),
    at_most: |n| format!("au plus {n}"),
    window_terms: fr_notices::window_terms,
    cap_terms: fr_sentences::cap_terms,
    identity_set_by: |header| format!("{header} (fourni par la connexion du portail)"),
    signed_in_through: |issuer| format!("la connexion propre à l’application, par {issuer}"),

    problem: fr_problems::problem,
    notice: fr_notices::notice,
    refusal: fr_refusals::refusal,
    not_let_in: fr_sentences::not_let_in,
    line_error: |line, message| format!("Ligne {line} : {message}"),
    provider_refused: |provider, message| format!("{provider} a refusé la requête : {message}"),
    unreachable: |provider, message| {
        format!("{provider} n'a pas répondu ({message}). Il a pu traiter la requête malgré tout.")
    },
    busy: fr_sentences::busy,
    throttled: fr_sentences::throttled,
    not_configured: |provider| format!("{provider} n'est pas configuré sur ce serveur."),
    server_failed: |message| format!("Le serveur a échoué : {message}"),
    request_failed: |message| format!("La requête au serveur a échoué : {message}"),
    signed_out: "Votre connexion a pris fin : rien n’a été fait. Reconnectez-vous avec le lien en haut de la page (il ouvre un nouvel onglet) ; ce que vous avez saisi ici reste, puis réessayez.",
    approval_name: fr_approval::approval,
    decision_name: fr_approval::decision,
    approval_reason: fr_approval::reason,
    awaiting_badge: fr_approval::awaiting,
};
