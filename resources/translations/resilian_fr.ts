<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>App</name>
    <message>
        <location filename="../../resilian_desktop/app.py" line="76"/>
        <source>An unexpected error occurred: {error}

Details are in the log file {log}.</source>
        <translation>Une erreur inattendue s&apos;est produite : {error}

Les détails sont dans le journal {log}.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/app.py" line="112"/>
        <source>The database {path} is already open in another window.</source>
        <translation>La base {path} est déjà ouverte dans une autre fenêtre.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/app.py" line="128"/>
        <source>Cannot open the database:
{error}</source>
        <translation>Impossible d&apos;ouvrir la base :
{error}</translation>
    </message>
</context>
<context>
    <name>ListColumns</name>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="35"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="36"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="37"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="38"/>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="39"/>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="40"/>
        <source>Headcount</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="41"/>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="42"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="43"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="44"/>
        <source>Organisation</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="45"/>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="46"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="47"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="48"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="49"/>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="50"/>
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="51"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="52"/>
        <source>Invited</source>
        <translation>Invités</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="53"/>
        <source>Present</source>
        <translation>Présents</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="54"/>
        <source>Lead organisation</source>
        <translation>Structure pilote</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="55"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="46"/>
        <source>Filter (accents and case ignored)…</source>
        <translation>Filtrer (sans tenir compte des accents ni des majuscules)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/main_window.py" line="86"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n fiche</numerusform>
            <numerusform>%n fiches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="102"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="103"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="104"/>
        <source>Meetings</source>
        <translation>Réunions</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="105"/>
        <source>Taskforces</source>
        <translation>Taskforces</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="134"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="135"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="140"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="146"/>
        <source>&amp;Filter the list</source>
        <translation>&amp;Filtrer la liste</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="151"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="152"/>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="164"/>
        <source>{app} {version}

Database: {path}</source>
        <translation>{app} {version}

Base de données : {path}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="169"/>
        <source>About {app}</source>
        <translation>À propos de {app}</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="11"/>
        <source>Industrial company</source>
        <translation>Entreprise industrielle</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="12"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="13"/>
        <source>Local authority</source>
        <translation>Collectivité</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="14"/>
        <source>Agency</source>
        <translation>Agence</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="15"/>
        <source>Training body</source>
        <translation>Organisme de formation</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="16"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="17"/>
        <source>Business corner</source>
        <translation>Business corner</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="18"/>
        <source>Challenge</source>
        <translation>Challenge</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="19"/>
        <source>Taskforce meeting</source>
        <translation>Réunion de taskforce</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="20"/>
        <source>Steering committee</source>
        <translation>Comité de pilotage</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="21"/>
        <source>Plenary</source>
        <translation>Plénière</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="22"/>
        <source>Site visit</source>
        <translation>Visite de site</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="23"/>
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="24"/>
        <source>Held</source>
        <translation>Tenue</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="25"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="26"/>
        <source>Emerging</source>
        <translation>Émergente</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="27"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="28"/>
        <source>On hold</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="29"/>
        <source>Closed</source>
        <translation>Clôturée</translation>
    </message>
</context>
</TS>
