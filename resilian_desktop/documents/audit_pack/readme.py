"""The LISEZMOI of an audit pack: what it holds and how to check it, in French,
for a funder's controller who has never seen the application."""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

from resilian_desktop.documents.audit_pack import layout
from resilian_desktop.domain import formats
from resilian_desktop.services.privacy import ERASED_LAST_NAME
from resilian_desktop.services.signatures import CHAINED_FIELDS
from resilian_desktop.services.stats import Period

WIDTH = 78


@dataclass(frozen=True)
class ReadmeFacts:
    period: Period
    programme_name: str | None
    created: dt.datetime
    version: str
    meetings: int
    signed: int
    with_scan: int
    without_proof: int
    signatures: int
    erased: int
    scans: int
    problems: int
    report: str


def _french(text: str) -> str:
    """French spacing: a no-break space before : ; » and after «, so that a line
    never starts with them (textwrap does not break at a no-break space)."""
    for plain, tied in ((" :", "\u00a0:"), (" ;", "\u00a0;"), ("« ", "«\u00a0"), (" »", "\u00a0»")):
        text = text.replace(plain, tied)
    return text


def _fill(text: str, first: str = "", then: str = "") -> str:
    return textwrap.fill(
        _french(text),
        WIDTH,
        initial_indent=first,
        subsequent_indent=then,
        break_on_hyphens=False,
    )


def _paragraphs(*paragraphs: str) -> str:
    return "\n\n".join(_fill(p) if not p.startswith("  ") else p for p in paragraphs)


def _list(*items: str) -> str:
    return "\n".join(_fill(item, "- ", "  ") for item in items)


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number < 2 else plural}"


def readme_text(facts: ReadmeFacts) -> str:
    period = (
        f"du {formats.long_date(facts.period.date_from)} "
        f"au {formats.long_date(facts.period.date_to)}"
    )
    scope = (
        f"programme « {facts.programme_name} »" if facts.programme_name else "tous les programmes"
    )
    offset = f"{facts.created:%z}"
    made = f"{facts.created:%d/%m/%Y à %H:%M} (heure locale, UTC{offset[:3]}:{offset[3:]})"
    fields = ", ".join(CHAINED_FIELDS)
    title = "DOSSIER DE PREUVES — RESILIAN Desktop"
    sections = [
        f"{title}\n{'=' * len(title)}",
        _paragraphs(
            f"Période : {period} ; {scope}.",
            f"Constitué le {made} par RESILIAN Desktop {facts.version}.",
            f"Réunions tenues : {facts.meetings}, dont "
            f"{_count(facts.signed, 'signée', 'signées')} à l'écran, {facts.with_scan} avec une "
            f"feuille papier numérisée, {facts.without_proof} sans preuve jointe. Signatures "
            f"électroniques : {facts.signatures} (dont "
            f"{_count(facts.erased, 'effacée', 'effacées')} à la demande de la personne). "
            f"Fichiers numérisés : {facts.scans}. Points à vérifier relevés avant envoi : "
            f"{facts.problems}.",
        ),
        "CONTENU\n-------",
        _list(
            f"{layout.README} : ce texte.",
            f"{layout.MANIFEST} : la liste de tous les autres fichiers avec leur empreinte "
            "SHA-256 et leur taille, l'empreinte de tête de la chaîne de signatures de chaque "
            "réunion (« chain_head ») et son code court (« code »), la période, le programme, "
            "la version de l'application et la date de constitution.",
            "reunions/AAAA-MM-JJ_reunion-N/feuille-emargement.pdf : la feuille d'émargement de "
            "chaque réunion tenue, telle que l'application l'imprime (présences par "
            "demi-journée, signatures électroniques avec leur heure, code de contrôle et QR code "
            "en bas de page).",
            f"reunions/AAAA-MM-JJ_reunion-N/{layout.SCANS_FOLDER}/ : les feuilles papier signées, "
            "numérisées et jointes à la réunion, telles qu'elles ont été enregistrées.",
            f"{layout.SIGNATURES_CSV} : une ligne par signature électronique (colonnes décrites "
            "plus bas).",
            f"{layout.MEETINGS_CSV} : une ligne par réunion : sa preuve (« signed » : tous les "
            "présents ont signé à l'écran pour chaque demi-journée ; « scan » : feuille numérisée "
            "jointe ; « none » : aucune), son nombre de signatures, son code de contrôle, son "
            "nombre de fichiers numérisés et de points à vérifier, le chemin de sa feuille.",
            f"{layout.PROBLEMS_CSV} : les points à vérifier relevés par l'application avant "
            "l'envoi des feuilles, une ligne par point, nommant la réunion et la personne.",
            f"{facts.report} : le bilan de la période pour les financeurs, identique à celui que "
            "l'application exporte.",
        ),
        "VÉRIFIER LE DOSSIER\n-------------------",
        _paragraphs(
            "Sur tout ordinateur où RESILIAN Desktop est installé (la base de données de "
            "l'organisateur n'est pas nécessaire) :",
            "  resilian-desktop audit-pack verify CE-FICHIER.zip",
            "La commande répond « intact » sur une ligne quand chaque fichier listé est présent "
            "avec la bonne taille et la bonne empreinte, qu'aucun fichier non listé n'a été "
            "ajouté, et que les signatures du fichier signatures.csv, recalculées une à une, "
            "aboutissent aux têtes de chaîne du manifeste. Sinon elle nomme le premier fichier ou "
            "la première signature en défaut et se termine avec le code 1.",
            "Sans l'application : calculez l'empreinte SHA-256 de chaque fichier extrait et "
            "comparez-la à celle du manifeste (Windows : certutil -hashfile FICHIER SHA256 ; "
            "macOS et Linux : shasum -a 256 FICHIER).",
            "Le manifeste lui-même n'est pas listé. Son empreinte SHA-256 est donnée par "
            "l'application à la constitution du dossier et par la commande de vérification : "
            "demandez-la à l'organisateur par un autre canal que le dossier.",
            "Codes imprimés : la commande ne lit pas le texte des PDF. Comparez le code de "
            f"contrôle imprimé en bas de chaque feuille à la colonne « code » de "
            f"{layout.MEETINGS_CSV}. Le QR code de la feuille contient la commande de "
            "vérification avec l'empreinte complète ; sur l'ordinateur de l'organisateur, "
            "« resilian-desktop signatures verify --meeting N --code CODE » confirme "
            "qu'aucune signature n'a été modifiée, ajoutée ou retirée depuis l'impression.",
        ),
        "LA CHAÎNE DE SIGNATURES\n-----------------------",
        _paragraphs(
            "Les signatures d'une réunion forment une chaîne : l'empreinte de chaque signature "
            "(« chain_hash ») est le SHA-256 de l'objet JSON formé de ses champs "
            f"{fields} et de l'empreinte de la signature précédente (« previous », vide pour la "
            "première), clés triées, sans espaces, caractères non ASCII échappés. Modifier, "
            "retirer ou insérer une signature change toutes les empreintes qui suivent et la "
            "tête de chaîne ; celle-ci est imprimée, abrégée, sur la feuille.",
            f"Colonnes de {layout.SIGNATURES_CSV} (séparateur « ; », UTF-8) : id (numéro de la "
            "signature), meeting_id (réunion), position (rang dans la chaîne de la réunion), "
            "person_id et person (la personne), organisation_id et organisation_name (sa "
            "structure le jour de la réunion), half_day (morning : matin, afternoon : "
            "après-midi), signed_at (date et heure de la signature, avec le décalage horaire), "
            "image_sha256 (empreinte de l'image de la signature), strokes_sha256 (empreinte du "
            "tracé), state (signed : signée ; erased : image et tracé effacés à la demande de la "
            "personne, leurs empreintes conservées, si bien que la chaîne reste vérifiable), "
            "previous_hash et chain_hash.",
            "Une cellule de texte qui commencerait par =, +, -, @, une tabulation ou une "
            "apostrophe est précédée d'une apostrophe, afin qu'un tableur ne l'exécute pas comme "
            "une formule ; la vérification la retire avant de recalculer l'empreinte.",
            "Les images des signatures ne sont pas jointes à part : elles figurent sur les "
            "feuilles, et la chaîne porte leur empreinte.",
        ),
        "DONNÉES PERSONNELLES\n--------------------",
        _paragraphs(
            "Ce dossier contient des données personnelles : noms, structures et signatures des "
            "participants. Il est destiné aux financeurs et aux organismes de contrôle des fonds "
            "publics, pour justifier la réalisation de l'action. Conservez-le à l'abri, ne le "
            "diffusez pas au-delà, et supprimez-le à la fin de la durée de contrôle. Les "
            "personnes dont les données ont été effacées apparaissent sous la mention "
            f"« {ERASED_LAST_NAME} ».",
        ),
    ]
    return "\n\n".join(sections).replace("\n", "\r\n") + "\r\n"
