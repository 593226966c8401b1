<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../resilian_desktop/qt/roadmap.py" line="222"/>
        <location filename="../../resilian_desktop/qt/roadmap.py" line="223"/>
        <source>Type a name…</source>
        <translation>Tapez un nom…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/roadmap.py" line="238"/>
        <source>Edit the action</source>
        <translation>Modifier l&apos;action</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/roadmap.py" line="238"/>
        <source>New roadmap action</source>
        <translation>Nouvelle action de feuille de route</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.ui" line="14"/>
        <source>Roadmap action</source>
        <translation>Action de feuille de route</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.ui" line="35"/>
        <source>Task&amp;force</source>
        <translation>Task&amp;force</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.ui" line="48"/>
        <source>&amp;Action *</source>
        <translation>&amp;Action *</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.ui" line="61"/>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.ui" line="78"/>
        <source>Owner (&amp;contact)</source>
        <translation>&amp;Porteur (contact)</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.ui" line="91"/>
        <source>Owner (or&amp;ganisation)</source>
        <translation>Porteur (s&amp;tructure)</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.ui" line="104"/>
        <source>&amp;Start</source>
        <translation>Dé&amp;but</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.ui" line="117"/>
        <source>Du&amp;e</source>
        <translation>É&amp;chéance</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.ui" line="130"/>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;ut</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.ui" line="143"/>
        <source>P&amp;rogress</source>
        <translation>A&amp;vancement</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.ui" line="153"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.ui" line="166"/>
        <source>&amp;Milestone (a date the taskforce commits to)</source>
        <translation>&amp;Jalon (une date sur laquelle la taskforce s&apos;engage)</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.ui" line="173"/>
        <source>Deli&amp;verable</source>
        <translation>&amp;Livrable</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.ui" line="186"/>
        <source>Decided at</source>
        <translation>Décidée lors de</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../resilian_desktop/app.py" line="135"/>
        <source>An unexpected error occurred: {error}

Details are in the log file {log}.</source>
        <translation>Une erreur inattendue s&apos;est produite : {error}

Les détails sont dans le journal {log}.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/app.py" line="212"/>
        <source>Password of {user} on {server}:</source>
        <translation>Mot de passe de {user} sur {server} :</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/app.py" line="255"/>
        <source>The database {path} is already open in another window.</source>
        <translation>La base {path} est déjà ouverte dans une autre fenêtre.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/app.py" line="237"/>
        <location filename="../../resilian_desktop/app.py" line="277"/>
        <source>Cannot open the database:
{error}</source>
        <translation>Impossible d&apos;ouvrir la base :
{error}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/app.py" line="299"/>
        <source>This database sits where it can be damaged:
{warning}

Move it to a local folder (File &gt; Save a copy), and keep backups elsewhere.</source>
        <translation>Cette base de données est à un endroit où elle peut être abîmée :
{warning}

Déplacez-la dans un dossier local (Fichier &gt; Enregistrer une copie) et gardez les sauvegardes ailleurs.</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../resilian_desktop/qt/context.py" line="40"/>
        <source>“{record}” was deleted by another user: nothing was saved.</source>
        <translation>« {record} » a été supprimé par un autre utilisateur : rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/context.py" line="43"/>
        <source>another user</source>
        <translation>un autre utilisateur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/context.py" line="44"/>
        <source>“{record}” was changed by {who} since you opened it: nothing was saved. Look at it again, then make your change.</source>
        <translation>{who} a modifié « {record} » depuis que vous l&apos;avez ouvert : rien n&apos;a été enregistré. Regardez-le à nouveau, puis refaites votre modification.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/context.py" line="57"/>
        <source>Not possible</source>
        <translation>Action impossible</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location filename="../../resilian_desktop/qt/attendance.py" line="44"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/attendance.py" line="45"/>
        <source>Organisation</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/attendance.py" line="46"/>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/attendance.py" line="47"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/attendance.py" line="48"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/attendance.py" line="49"/>
        <source>Morning</source>
        <translation>Matin</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/attendance.py" line="50"/>
        <source>Afternoon</source>
        <translation>Après-midi</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/attendance.py" line="72"/>
        <source>morning</source>
        <translation>matin</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/attendance.py" line="72"/>
        <source>afternoon</source>
        <translation>après-midi</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/attendance.py" line="75"/>
        <source>not signed</source>
        <translation>non signé</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/attendance.py" line="77"/>
        <source>not signed ({half_day})</source>
        <translation>non signé ({half_day})</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/attendance.py" line="128"/>
        <source>Marked present without a signature given on screen: the sheet prints “sans signature” in the cell</source>
        <translation>Marqué(e) présent(e) sans signature à l’écran : la feuille imprime « sans signature » dans la case</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="39"/>
        <source>Daily</source>
        <translation>Quotidienne</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="40"/>
        <source>Weekly</source>
        <translation>Hebdomadaire</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="41"/>
        <source>After changes</source>
        <translation>Après modifications</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="42"/>
        <source>Manual</source>
        <translation>Manuelle</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="43"/>
        <source>Before a restore</source>
        <translation>Avant une restauration</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="44"/>
        <source>Before an update</source>
        <translation>Avant une mise à jour</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="68"/>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="73"/>
        <source>Database:</source>
        <translation>Base de données :</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="74"/>
        <location filename="../../resilian_desktop/qt/safety.py" line="76"/>
        <source>Open the folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="76"/>
        <source>Backups:</source>
        <translation>Sauvegardes :</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="81"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="82"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="83"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="84"/>
        <source>Organisations</source>
        <translation>Structures</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="85"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="86"/>
        <source>Meetings</source>
        <translation>Réunions</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="94"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="96"/>
        <source>&amp;Restore the selected backup…</source>
        <translation>&amp;Restaurer la sauvegarde choisie…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="141"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="143"/>
        <source>Replace the database by the backup of {date}?

The current database is backed up first; the window reopens on the restored one.</source>
        <translation>Remplacer la base par la sauvegarde du {date} ?

La base actuelle est d&apos;abord sauvegardée ; la fenêtre se rouvre sur la base restaurée.</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="93"/>
        <source>Type a few letters of the name…</source>
        <translation>Tapez quelques lettres du nom…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="99"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="100"/>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="101"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="102"/>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="103"/>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="111"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="104"/>
        <source>Attendance</source>
        <translation>Présence</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="110"/>
        <source>Taskforce</source>
        <translation>Taskforce</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="112"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="155"/>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="170"/>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="179"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="179"/>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="222"/>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="233"/>
        <source>Not invited to any meeting yet.</source>
        <translation>Pas encore invité(e) à une réunion.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="229"/>
        <source>Invited to {invited} meetings, present at {present}.</source>
        <translation>Invité(e) à {invited} réunions, présent(e) à {present}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/contact_form.py" line="238"/>
        <source>%n taskforce(s)</source>
        <translation>
            <numerusform>%n taskforce</numerusform>
            <numerusform>%n taskforces</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="240"/>
        <source>This contact takes part in no taskforce.</source>
        <translation>Ce contact ne participe à aucune taskforce.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="255"/>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="271"/>
        <source>Export personal data</source>
        <translation>Exporter les données personnelles</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="257"/>
        <source>Workbook (*.xlsx);;JSON (*.json)</source>
        <translation>Classeur (*.xlsx);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="272"/>
        <source>Everything held about {name} was written to {path}.</source>
        <translation>Tout ce qui est conservé sur {name} a été écrit dans {path}.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="285"/>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="306"/>
        <source>Erase on request</source>
        <translation>Effacer à sa demande</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="287"/>
        <source>Erase {name}&apos;s identity, contact details and notes?

Their attendance stays, anonymous, so that the figures already given to funders do not change. The erasure is recorded with its date only. This cannot be undone.

Backups made before now still hold these details: the automatic ones for up to {weeks} weeks, the copies you saved until you delete them. Restoring one erases them again.</source>
        <translation>Effacer l&apos;identité, les coordonnées et les notes de {name} ?

Ses présences restent, anonymes, pour que les chiffres déjà transmis aux financeurs ne changent pas. L&apos;effacement est consigné avec sa seule date. Il est définitif.

Les sauvegardes faites jusqu&apos;ici gardent encore ces données : les automatiques jusqu&apos;à {weeks} semaines, les copies que vous avez enregistrées jusqu&apos;à ce que vous les supprimiez. En restaurer une les efface de nouveau.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/contact_form.py" line="307"/>
        <source>Free text still names this person; edit it by hand:

{mentions}</source>
        <translation>Des textes libres nomment encore cette personne ; modifiez-les à la main :

{mentions}</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="14"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="53"/>
        <source>This contact is archived: it no longer appears in the everyday lists.</source>
        <translation>Ce contact est archivé : il n&apos;apparaît plus dans les listes courantes.</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="77"/>
        <source>&amp;Details</source>
        <translation>&amp;Détails</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="103"/>
        <source>&amp;First name *</source>
        <translation>&amp;Prénom *</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="116"/>
        <source>&amp;Last name *</source>
        <translation>&amp;Nom *</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="129"/>
        <source>&amp;Organisation</source>
        <translation>&amp;Structure</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="142"/>
        <source>&amp;Job title</source>
        <translation>Fonct&amp;ion</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="155"/>
        <source>&amp;Email</source>
        <translation>E-m&amp;ail</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="172"/>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="229"/>
        <source>Elected offi&amp;cial</source>
        <translation>É&amp;lu(e)</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="253"/>
        <source>Legal &amp;basis</source>
        <translation>&amp;Base légale</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="266"/>
        <source>Basis &amp;recorded on</source>
        <translation>Base enre&amp;gistrée le</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="279"/>
        <source>Acti&amp;ve contact</source>
        <translation>&amp;Contact actif</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="289"/>
        <source>Contacts are processed on the agency&apos;s legitimate interest unless they gave their consent; the date is the day the basis was recorded.</source>
        <translation>Les contacts sont traités sur la base de l&apos;intérêt légitime de l&apos;agence, sauf s&apos;ils ont donné leur consentement ; la date est celle de l&apos;enregistrement de cette base.</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="321"/>
        <source>&amp;Attendance history</source>
        <translation>&amp;Historique de présence</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="90"/>
        <source>Civilit&amp;y</source>
        <translation>Ci&amp;vilité</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="189"/>
        <source>Mob&amp;ile</source>
        <translation>Po&amp;rtable</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="236"/>
        <source>&amp;Mandate</source>
        <translation>&amp;Mandat</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="303"/>
        <source>&amp;Notes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="341"/>
        <source>&amp;Taskforces</source>
        <translation>Task&amp;forces</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="366"/>
        <source>Archi&amp;ve</source>
        <translation>Archi&amp;ver</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="373"/>
        <source>Everything held about this person, attendance included (RGPD access request)</source>
        <translation>Tout ce qui est conservé sur cette personne, présences comprises (demande d&apos;accès RGPD)</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="376"/>
        <source>E&amp;xport personal data…</source>
        <translation>E&amp;xporter ses données…</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="383"/>
        <source>Erase identity, contact details and notes; attendance stays, anonymous (RGPD erasure)</source>
        <translation>Effacer l&apos;identité, les coordonnées et les notes ; les présences restent, anonymes (effacement RGPD)</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="386"/>
        <source>Erase on request…</source>
        <translation>Effacer à sa demande…</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="406"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/contact_form.ui" line="413"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="241"/>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="242"/>
        <source>Last year</source>
        <translation>L&apos;an dernier</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="243"/>
        <source>Last 12 months</source>
        <translation>Les 12 derniers mois</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="244"/>
        <source>This quarter</source>
        <translation>Ce trimestre</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="245"/>
        <source>Custom period</source>
        <translation>Période choisie</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="276"/>
        <source>All programmes</source>
        <translation>Toutes les démarches</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="295"/>
        <source>Meetings</source>
        <translation>Réunions</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="297"/>
        <source>meetings held</source>
        <translation>réunions tenues</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="298"/>
        <source>half-days delivered</source>
        <translation>demi-journées réalisées</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="301"/>
        <source>held meetings with no proof of attendance</source>
        <translation>réunions tenues sans preuve de présence</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="306"/>
        <source>Meetings held, by kind</source>
        <translation>Réunions tenues, par type</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="310"/>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="312"/>
        <source>participations</source>
        <translation>participations</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="313"/>
        <source>person half-days</source>
        <translation>demi-journées-participants</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="314"/>
        <source>different people</source>
        <translation>personnes différentes</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="315"/>
        <source>organisations represented</source>
        <translation>structures représentées</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="316"/>
        <source>companies supported</source>
        <translation>entreprises accompagnées</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="317"/>
        <source>elected officials</source>
        <translation>élus</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="321"/>
        <source>Taskforces and roadmaps</source>
        <translation>Taskforces et feuilles de route</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="323"/>
        <source>active taskforces</source>
        <translation>taskforces actives</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="324"/>
        <source>taskforces closed</source>
        <translation>taskforces clôturées</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="325"/>
        <source>actions done</source>
        <translation>actions faites</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="326"/>
        <source>actions late</source>
        <translation>actions en retard</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="327"/>
        <source>actions due within 30 days</source>
        <translation>actions à échéance sous 30 jours</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="330"/>
        <source>member companies with no one present for a year</source>
        <translation>entreprises membres sans aucune présence depuis un an</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="356"/>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="579"/>
        <source>Participation per month</source>
        <translation>Participation par mois</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="361"/>
        <source>Engagement per company (participations)</source>
        <translation>Engagement par entreprise (participations)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="416"/>
        <source>Period report</source>
        <translation>Bilan de la période</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="417"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="408"/>
        <source>Written: {path}</source>
        <translation>Écrit : {path}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="445"/>
        <source>Audit pack</source>
        <translation>Dossier de preuves</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="446"/>
        <source>Zip archives (*.zip)</source>
        <translation>Archives zip (*.zip)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="464"/>
        <source>Manifest SHA-256, to send apart from the pack:
{sha256}</source>
        <translation>SHA-256 du manifeste, à transmettre à part du dossier :
{sha256}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="506"/>
        <source>Counting…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="528"/>
        <source>The figures could not be counted: {error}</source>
        <translation>Les chiffres n&apos;ont pas pu être calculés : {error}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="556"/>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="592"/>
        <source>Participations</source>
        <translation>Participations</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="581"/>
        <source>Participation per month — nobody recorded present in this period</source>
        <translation>Participation par mois — aucune présence enregistrée sur la période</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="610"/>
        <source>Engagement per company (participations) — click a bar to open it</source>
        <translation>Engagement par entreprise (participations) — cliquez sur une barre pour l&apos;ouvrir</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="612"/>
        <source>Engagement per company — no company present in this period</source>
        <translation>Engagement par entreprise — aucune entreprise présente sur la période</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="19"/>
        <source>&amp;Period</source>
        <translation>&amp;Période</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="32"/>
        <source>&amp;from</source>
        <translation>&amp;du</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="52"/>
        <source>&amp;to</source>
        <translation>a&amp;u</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="72"/>
        <source>P&amp;rogramme</source>
        <translation>Dé&amp;marche</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="105"/>
        <source>E&amp;xport the report…</source>
        <translation>E&amp;xporter le bilan…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="112"/>
        <source>One zip for a funder&apos;s controller: the period&apos;s attendance sheets, scans, signatures and report, with a manifest to check them</source>
        <translation>Un zip pour le contrôleur du financeur : les feuilles d&apos;émargement, les feuilles numérisées, les signatures et le bilan de la période, avec un manifeste pour les vérifier</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="115"/>
        <source>&amp;Audit pack…</source>
        <translation>Do&amp;ssier de preuves…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="134"/>
        <source>Click a figure to see the records behind it.</source>
        <translation>Cliquez sur un chiffre pour voir les fiches correspondantes.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../resilian_desktop/qt/widgets.py" line="66"/>
        <source>dd/mm/yyyy</source>
        <translation>jj/mm/aaaa</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/widgets.py" line="74"/>
        <source>Choose from a calendar</source>
        <translation>Choisir dans un calendrier</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../../resilian_desktop/qt/document_files.py" line="71"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/document_files.py" line="72"/>
        <source>The document could not be written: {error}</source>
        <translation>Le document n&apos;a pas pu être écrit : {error}</translation>
    </message>
</context>
<context>
    <name>ExportProgress</name>
    <message>
        <location filename="../../resilian_desktop/qt/export_progress.py" line="75"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/export_progress.py" line="124"/>
        <source>Period report</source>
        <translation>Bilan de la période</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/export_progress.py" line="159"/>
        <source>Attendance sheets</source>
        <translation>Feuilles d&apos;émargement</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/export_progress.py" line="173"/>
        <source>Audit pack</source>
        <translation>Dossier de preuves</translation>
    </message>
</context>
<context>
    <name>FunderDialog</name>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="135"/>
        <source>Edit the funder</source>
        <translation>Modifier le financeur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="135"/>
        <source>Add a funder</source>
        <translation>Ajouter un financeur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="140"/>
        <source>(not in the network&apos;s organisations)</source>
        <translation>(hors des structures du réseau)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="194"/>
        <source>No logo</source>
        <translation>Sans logo</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="195"/>
        <source>No logo: the funder&apos;s name is printed instead.</source>
        <translation>Sans logo : le nom du financeur est imprimé à sa place.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="197"/>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="200"/>
        <source>The file “{name}” cannot be found or read: the funder&apos;s name is printed instead. Choose the logo again.</source>
        <translation>Le fichier « {name} » est introuvable ou illisible : le nom du financeur est imprimé à sa place. Choisissez de nouveau le logo.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="211"/>
        <source>Choose the funder&apos;s logo</source>
        <translation>Choisir le logo du financeur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="213"/>
        <source>Images ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/funder_dialog.ui" line="14"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../ui/funder_dialog.ui" line="35"/>
        <source>&amp;Organisation</source>
        <translation>&amp;Structure</translation>
    </message>
    <message>
        <location filename="../../ui/funder_dialog.ui" line="45"/>
        <source>The funder among the network&apos;s organisations (funders, local authorities, other partners).</source>
        <translation>Le financeur parmi les structures du réseau (financeurs, collectivités, autres partenaires).</translation>
    </message>
    <message>
        <location filename="../../ui/funder_dialog.ui" line="52"/>
        <source>&amp;Name on documents *</source>
        <translation>&amp;Nom sur les documents *</translation>
    </message>
    <message>
        <location filename="../../ui/funder_dialog.ui" line="65"/>
        <source>Operation &amp;reference</source>
        <translation>&amp;Référence de l&apos;opération</translation>
    </message>
    <message>
        <location filename="../../ui/funder_dialog.ui" line="82"/>
        <source>Funding &amp;mention</source>
        <translation>&amp;Mention de financement</translation>
    </message>
    <message>
        <location filename="../../ui/funder_dialog.ui" line="102"/>
        <source>&amp;Logo</source>
        <translation>&amp;Logo</translation>
    </message>
    <message>
        <location filename="../../ui/funder_dialog.ui" line="172"/>
        <source>&amp;Choose a file…</source>
        <translation>&amp;Choisir un fichier…</translation>
    </message>
    <message>
        <location filename="../../ui/funder_dialog.ui" line="179"/>
        <source>No lo&amp;go</source>
        <translation>Sans lo&amp;go</translation>
    </message>
    <message>
        <location filename="../../ui/funder_dialog.ui" line="221"/>
        <source>The chosen logo is copied into the application&apos;s data folder: moving or deleting the original file later does not lose it. PNG, JPEG or GIF; logos are printed about 1 cm high, so an image at least 120 pixels high prints sharply.</source>
        <translation>Le logo choisi est copié dans le dossier de données de l&apos;application : déplacer ou supprimer le fichier d&apos;origine ne le perd pas. PNG, JPEG ou GIF ; les logos sont imprimés sur environ 1 cm de haut, une image d&apos;au moins 120 pixels de haut s&apos;imprime nettement.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../resilian_desktop/qt/help.py" line="26"/>
        <source>Guide</source>
        <translation>Guide</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="263"/>
        <source>Import from a spreadsheet</source>
        <translation>Importer depuis un tableur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="275"/>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="276"/>
        <source>Update</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="277"/>
        <source>Unchanged</source>
        <translation>Inchangée</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="278"/>
        <source>Not imported</source>
        <translation>Non importée</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="285"/>
        <source>A .xlsx or .csv file</source>
        <translation>Un fichier .xlsx ou .csv</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="286"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="304"/>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="305"/>
        <source>Contents:</source>
        <translation>Contenu :</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="312"/>
        <source>Column of the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="312"/>
        <source>First values</source>
        <translation>Premières valeurs</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="312"/>
        <source>Imported as</source>
        <translation>Importée comme</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="319"/>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="331"/>
        <source>Only rows with problems</source>
        <translation>Seulement les lignes en erreur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="337"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="349"/>
        <source>All or nothing: import only if every row is valid</source>
        <translation>Tout ou rien : n&apos;importer que si toutes les lignes sont valides</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="353"/>
        <source>Import the valid rows, leave the others out</source>
        <translation>Importer les lignes valides, laisser les autres de côté</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="365"/>
        <source>Import the probable duplicates onto the records they resemble (otherwise: correct the file, or merge the records afterwards)</source>
        <translation>Importer les doublons probables sur les fiches auxquelles ils ressemblent (sinon : corrigez le fichier, ou fusionnez les fiches ensuite)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="376"/>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="587"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="445"/>
        <source>Spreadsheet to import</source>
        <translation>Tableur à importer</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="447"/>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>Tableurs (*.xlsx *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="493"/>
        <source>Meeting:</source>
        <translation>Réunion :</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="503"/>
        <source>Taskforce:</source>
        <translation>Taskforce :</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="531"/>
        <source>— not imported —</source>
        <translation>— non importée —</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="561"/>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="566"/>
        <source>Checking against the database…</source>
        <translation>Vérification dans la base…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="631"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="631"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="631"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="646"/>
        <source>%n row(s) read</source>
        <translation>
            <numerusform>%n ligne lue</numerusform>
            <numerusform>%n lignes lues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="647"/>
        <source>%n with problems</source>
        <translation>
            <numerusform>%n en erreur</numerusform>
            <numerusform>%n en erreur</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="649"/>
        <source>new: %1, updates: %2, unchanged: %3</source>
        <translation>nouvelles : %1, mises à jour : %2, inchangées : %3</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="653"/>
        <source>choose where to import</source>
        <translation>choisissez où importer</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="655"/>
        <source>Columns not imported: %1</source>
        <translation>Colonnes non importées : %1</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="669"/>
        <source>Some rows have problems: correct the file, or import the valid rows only</source>
        <translation>Des lignes ont des problèmes : corrigez le fichier, ou n&apos;importez que les lignes valides</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="683"/>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="689"/>
        <source>Nothing was imported: %n problem(s).</source>
        <translation>
            <numerusform>Rien n&apos;a été importé : %n problème.</numerusform>
            <numerusform>Rien n&apos;a été importé : %n problèmes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="696"/>
        <source>Import cancelled: nothing was written.</source>
        <translation>Import annulé : rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="708"/>
        <source>Imported: %1 new, %2 updated, %3 unchanged, %4 left out.</source>
        <translation>Importé : %1 nouvelles, %2 mises à jour, %3 inchangées, %4 laissées de côté.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="715"/>
        <source>%n added to the meeting.</source>
        <translation>
            <numerusform>%n ajouté à la réunion.</numerusform>
            <numerusform>%n ajoutés à la réunion.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="717"/>
        <source>Organisations created (kind &quot;other&quot;, to check): %1</source>
        <translation>Structures créées (type « autre », à vérifier) : %1</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="95"/>
        <source>Organisations</source>
        <translation>Structures</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="96"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="97"/>
        <source>Registrations for a meeting</source>
        <translation>Inscriptions à une réunion</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="98"/>
        <source>Roadmap actions</source>
        <translation>Actions de feuille de route</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="101"/>
        <source>Company name</source>
        <translation>Raison sociale</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="102"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="103"/>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="104"/>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="105"/>
        <source>NAF code</source>
        <translation>Code NAF</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="106"/>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="107"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="108"/>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="109"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="110"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="111"/>
        <source>Headcount</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="112"/>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="113"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="114"/>
        <source>Civility</source>
        <translation>Civilité</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="115"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="116"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="117"/>
        <source>Organisation</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="118"/>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="119"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="120"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="121"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="122"/>
        <source>Elected official</source>
        <translation>Élu</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="123"/>
        <source>Mandate</source>
        <translation>Mandat</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="124"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="125"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="126"/>
        <source>Owner</source>
        <translation>Porteur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="127"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="128"/>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="129"/>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="130"/>
        <source>Milestone</source>
        <translation>Jalon</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="131"/>
        <source>Deliverable</source>
        <translation>Livrable</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="132"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="133"/>
        <source>Done on</source>
        <translation>Fait le</translation>
    </message>
</context>
<context>
    <name>InactiveContactsDialog</name>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="170"/>
        <source>Contacts to review</source>
        <translation>Contacts à revoir</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/safety.py" line="175"/>
        <source>%n contact(s) with no activity for three years: keep them if the relation goes on, otherwise archive or erase them. Double-click to open.</source>
        <translation>
            <numerusform>%n contact sans activité depuis trois ans : gardez-le si la relation continue, sinon archivez-le ou effacez-le. Double-cliquez pour l&apos;ouvrir.</numerusform>
            <numerusform>%n contacts sans activité depuis trois ans : gardez-les si la relation continue, sinon archivez-les ou effacez-les. Double-cliquez pour en ouvrir un.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="186"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="186"/>
        <source>Organisation</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="186"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/safety.py" line="186"/>
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="106"/>
        <source>Have participants sign</source>
        <translation>Faire signer</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="108"/>
        <source>Which half-day do participants sign for?</source>
        <translation>Pour quelle demi-journée les participants signent-ils ?</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="111"/>
        <source>Morning</source>
        <translation>Matin</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="114"/>
        <source>Afternoon</source>
        <translation>Après-midi</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="227"/>
        <source>Attendance — signing</source>
        <translation>Émargement — signature</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="315"/>
        <source>morning</source>
        <translation>matin</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="315"/>
        <source>afternoon</source>
        <translation>après-midi</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="316"/>
        <source>Attendance sheet — {title} — {day}, {half_day}</source>
        <translation>Émargement — {title} — {day}, {half_day}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="337"/>
        <source>Tap your name to sign</source>
        <translation>Touchez votre nom pour signer</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="339"/>
        <source>Type the first letters of your name…</source>
        <translation>Tapez les premières lettres de votre nom…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="372"/>
        <source>I am not on the list</source>
        <translation>Je ne suis pas sur la liste</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="391"/>
        <source>Not me: back</source>
        <translation>Ce n&apos;est pas moi : retour</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="392"/>
        <source>Clear and sign again</source>
        <translation>Effacer et recommencer</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="393"/>
        <source>Confirm my signature</source>
        <translation>Valider ma signature</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="404"/>
        <source>Not on the list? Add yourself</source>
        <translation>Pas sur la liste ? Ajoutez-vous</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="410"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="411"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="412"/>
        <source>Company or organisation</source>
        <translation>Entreprise ou organisme</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="425"/>
        <source>No, I am someone else</source>
        <translation>Non, je suis une autre personne</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="433"/>
        <source>Back to the list</source>
        <translation>Retour à la liste</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="436"/>
        <source>Continue to sign</source>
        <translation>Continuer vers la signature</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="445"/>
        <source>Leave signing mode (organiser only)</source>
        <translation>Quitter le mode émargement (organisateur seulement)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="450"/>
        <source>Type {word}, then press Enter to give the computer back to the organiser.</source>
        <translation>Tapez {word} puis Entrée pour rendre l&apos;ordinateur à l&apos;organisateur.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="677"/>
        <source>That is me: {contact}</source>
        <translation>C&apos;est moi : {contact}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="739"/>
        <source>Taken back: {what}. The right person can sign now.</source>
        <translation>Retirée : {what}. La bonne personne peut maintenant signer.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="753"/>
        <source>Take back: {what}</source>
        <translation>Retirer : {what}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="763"/>
        <source>Type {word} first.</source>
        <translation>Tapez d&apos;abord {word}.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="461"/>
        <source>Back to signing</source>
        <translation>Revenir à l&apos;émargement</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="467"/>
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="485"/>
        <source>✓ Signed at {time}</source>
        <translation>✓ Signé à {time}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="494"/>
        <source>{signed} of {expected} signed</source>
        <translation>{signed} sur {expected} ont signé</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="525"/>
        <source>No one by that name is expected: tap “I am not on the list”.</source>
        <translation>Personne de ce nom n&apos;est attendu : touchez « Je ne suis pas sur la liste ».</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="565"/>
        <source>By signing, I certify that I attended the morning of {day}.</source>
        <translation>En signant, j&apos;atteste avoir été présent(e) le matin du {day}.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="567"/>
        <source>By signing, I certify that I attended the afternoon of {day}.</source>
        <translation>En signant, j&apos;atteste avoir été présent(e) l&apos;après-midi du {day}.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="572"/>
        <source>Sign in the box with your finger, a pen or the mouse.</source>
        <translation>Signez dans le cadre avec le doigt, un stylet ou la souris.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="591"/>
        <source>Signature of {name}</source>
        <translation>Signature de {name}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="603"/>
        <source>This signature could not be recorded: please call the organiser.</source>
        <translation>Cette signature n&apos;a pas pu être enregistrée : appelez l&apos;organisateur.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="620"/>
        <source>Thank you, {name}: your signature is recorded.</source>
        <translation>Merci, {name} : votre signature est enregistrée.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="667"/>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="697"/>
        <source>You could not be added: please call the organiser.</source>
        <translation>Vous n&apos;avez pas pu être ajouté(e) : appelez l&apos;organisateur.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="676"/>
        <source>Someone of this name is already known.</source>
        <translation>Une personne de ce nom est déjà connue.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/kiosk/window.py" line="717"/>
        <source>LEAVE</source>
        <translation>QUITTER</translation>
    </message>
</context>
<context>
    <name>ListColumns</name>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="107"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="108"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="109"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="110"/>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="111"/>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="112"/>
        <source>Headcount</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="113"/>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="114"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="115"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="116"/>
        <source>Organisation</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="117"/>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="118"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="119"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="120"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="121"/>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="122"/>
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="123"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="124"/>
        <source>Invited</source>
        <translation>Invités</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="125"/>
        <source>Present</source>
        <translation>Présents</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="126"/>
        <source>Lead organisation</source>
        <translation>Structure pilote</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="127"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="128"/>
        <source>Taskforce</source>
        <translation>Taskforce</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="129"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="130"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="131"/>
        <source>Owner</source>
        <translation>Porteur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="132"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="133"/>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="134"/>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="135"/>
        <source>Still there?</source>
        <translation>Toujours là ?</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="136"/>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="137"/>
        <source>Late actions</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="138"/>
        <source>Next meeting</source>
        <translation>Prochaine réunion</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="100"/>
        <source>Filter (accents and case ignored)…</source>
        <translation>Filtrer (sans tenir compte des accents ni des majuscules)…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="169"/>
        <source>New organisation</source>
        <translation>Nouvelle structure</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="170"/>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="171"/>
        <source>New meeting</source>
        <translation>Nouvelle réunion</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="172"/>
        <source>New taskforce</source>
        <translation>Nouvelle taskforce</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="173"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="192"/>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="194"/>
        <source>All organisations</source>
        <translation>Toutes les structures</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="201"/>
        <source>Elected officials</source>
        <translation>Élus</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="202"/>
        <source>Inactive contacts</source>
        <translation>Contacts inactifs</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="204"/>
        <source>All contacts</source>
        <translation>Tous les contacts</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="208"/>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="214"/>
        <source>All topics</source>
        <translation>Toutes les thématiques</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="220"/>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="226"/>
        <source>All programmes</source>
        <translation>Toutes les démarches</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="232"/>
        <source>Show archived</source>
        <translation>Afficher les archives</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/list_page.py" line="270"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n fiche</numerusform>
            <numerusform>%n fiches</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="275"/>
        <source>Nothing matches these filters.</source>
        <translation>Aucune fiche ne correspond à ces filtres.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="280"/>
        <source>No organisation yet.
Create the first one with “New organisation” (Ctrl+N).</source>
        <translation>Aucune structure pour l&apos;instant.
Créez la première avec « Nouvelle structure » (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="284"/>
        <source>No contact yet.
Create the first one with “New contact” (Ctrl+N).</source>
        <translation>Aucun contact pour l&apos;instant.
Créez le premier avec « Nouveau contact » (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="287"/>
        <source>No meeting yet.
Create the first one with “New meeting” (Ctrl+N).</source>
        <translation>Aucune réunion pour l&apos;instant.
Créez la première avec « Nouvelle réunion » (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/list_page.py" line="290"/>
        <source>No taskforce yet.
Create the first one with “New taskforce” (Ctrl+N).</source>
        <translation>Aucune taskforce pour l&apos;instant.
Créez la première avec « Nouvelle taskforce » (Ctrl+N).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="118"/>
        <source>Organisations</source>
        <translation>Structures</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="119"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="120"/>
        <source>Meetings</source>
        <translation>Réunions</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="121"/>
        <source>Taskforces</source>
        <translation>Taskforces</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="216"/>
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="217"/>
        <source>officer</source>
        <translation>chargé(e) de mission</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="218"/>
        <source>reader</source>
        <translation>lecteur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="219"/>
        <source>owner of the database</source>
        <translation>propriétaire de la base</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="222"/>
        <source>{user}: {role}</source>
        <translation>{user} : {role}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="316"/>
        <source>&amp;New database…</source>
        <translation>&amp;Nouvelle base…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="319"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Ouvrir une base…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="326"/>
        <source>Open a server &amp;database…</source>
        <translation>Ouvrir une base sur un s&amp;erveur…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="331"/>
        <source>Save a &amp;copy…</source>
        <translation>Enregistrer une &amp;copie…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="338"/>
        <source>A server database is copied with the copy-to command and backed up by pg_dump (backup -o), not from the window</source>
        <translation>Une base sur un serveur se copie avec la commande copy-to et se sauvegarde par pg_dump (backup -o), pas depuis la fenêtre</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="343"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="346"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="352"/>
        <source>&amp;New record</source>
        <translation>&amp;Nouvelle fiche</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="355"/>
        <source>&amp;Open the selected record</source>
        <translation>&amp;Ouvrir la fiche sélectionnée</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="358"/>
        <location filename="../../resilian_desktop/qt/main_window.py" line="574"/>
        <source>&amp;Archive the selected record</source>
        <translation>Arc&amp;hiver la fiche sélectionnée</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="365"/>
        <source>&amp;Delete the selected record…</source>
        <translation>&amp;Supprimer définitivement la fiche choisie…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="371"/>
        <source>&amp;Merge with a duplicate…</source>
        <translation>Fusionner avec un &amp;doublon…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="377"/>
        <source>&amp;Search everything</source>
        <translation>Rechercher &amp;partout</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="380"/>
        <source>&amp;Refresh</source>
        <translation>Act&amp;ualiser</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="384"/>
        <source>Open the &amp;log folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="388"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="389"/>
        <source>&amp;Organisations</source>
        <translation>&amp;Structures</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="390"/>
        <source>&amp;Contacts</source>
        <translation>&amp;Contacts</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="391"/>
        <source>&amp;Meetings</source>
        <translation>&amp;Réunions</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="392"/>
        <source>&amp;Taskforces</source>
        <translation>Tas&amp;kforces</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="405"/>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="410"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="411"/>
        <location filename="../../resilian_desktop/qt/main_window.py" line="695"/>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="412"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="413"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="425"/>
        <source>Search organisations, contacts, meetings, taskforces (Ctrl+K)</source>
        <translation>Rechercher structures, contacts, réunions, taskforces (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="441"/>
        <source>Organisation</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="442"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="443"/>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="444"/>
        <source>Taskforce</source>
        <translation>Taskforce</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="459"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="467"/>
        <source>&amp;Backups…</source>
        <translation>&amp;Sauvegardes…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="494"/>
        <source>&amp;Network</source>
        <translation>&amp;Réseau</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="496"/>
        <source>&amp;Programmes and funders…</source>
        <translation>&amp;Démarches et financeurs…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="499"/>
        <source>The collective approaches, their funders, logos and funding mentions</source>
        <translation>Les démarches collectives, leurs financeurs, logos et mentions de financement</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="502"/>
        <source>&amp;Topics…</source>
        <translation>&amp;Thématiques…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="504"/>
        <source>The topics of exchange, in their order</source>
        <translation>Les thématiques d&apos;échange, dans leur ordre</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="528"/>
        <source>&amp;Guide</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="541"/>
        <source>&amp;Import from a spreadsheet…</source>
        <translation>&amp;Importer depuis un tableur…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="623"/>
        <location filename="../../resilian_desktop/qt/main_window.py" line="633"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="625"/>
        <source>“{label}” has history ({history}) and cannot be deleted: archive it instead, it stays in past meetings and reports.</source>
        <translation>« {label} » a un historique ({history}) et ne peut pas être supprimée : archivez-la, elle restera dans les réunions et bilans passés.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="635"/>
        <source>Delete “{label}”{with_}? Ctrl+Z puts it back while the window is open.</source>
        <translation>Supprimer « {label} »{with_} ? Ctrl+Z la rétablit tant que la fenêtre est ouverte.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="638"/>
        <source> with {rows}</source>
        <translation> avec {rows}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="697"/>
        <source>Archive “{label}”? It leaves the everyday lists and stays in past meetings and reports; Ctrl+Z or “Show archived” brings it back.</source>
        <translation>Archiver « {label} » ? La fiche quitte les listes courantes et reste dans les réunions et bilans passés ; Ctrl+Z ou « Afficher les archives » la fait revenir.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="779"/>
        <source>New database</source>
        <translation>Nouvelle base</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="781"/>
        <location filename="../../resilian_desktop/qt/main_window.py" line="849"/>
        <source>RESILIAN databases (*.sqlite)</source>
        <translation>Bases RESILIAN (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="792"/>
        <source>Open a database</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="794"/>
        <source>RESILIAN databases (*.sqlite);;All files (*)</source>
        <translation>Bases RESILIAN (*.sqlite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="807"/>
        <source>Open a server database</source>
        <translation>Ouvrir une base sur un serveur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="809"/>
        <source>PostgreSQL database (postgresql://user@server:5432/database); the password is asked for if the server needs one:</source>
        <translation>Base PostgreSQL (postgresql://utilisateur@serveur:5432/base) ; le mot de passe est demandé si le serveur l&apos;exige :</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="847"/>
        <source>Save a copy of the database</source>
        <translation>Enregistrer une copie de la base</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="856"/>
        <source>Choose another file than the open database.</source>
        <translation>Choisissez un autre fichier que la base ouverte.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="864"/>
        <source>The copy failed: {error}</source>
        <translation>La copie a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="868"/>
        <source>Copy saved: {path}</source>
        <translation>Copie enregistrée : {path}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="923"/>
        <source>Restored from {path}</source>
        <translation>Restauré depuis {path}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="931"/>
        <source>No other database opened yet</source>
        <translation>Aucune autre base ouverte pour l&apos;instant</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="963"/>
        <source>{app} {version}

The network&apos;s organisations, contacts, meetings with attendance, and taskforces with their roadmaps.

Database: {path}
Log files: {logs}</source>
        <translation>{app} {version}

Les structures, contacts, réunions avec émargement et taskforces avec leurs feuilles de route du réseau.

Base de données : {path}
Journaux : {logs}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="342"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="117"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="463"/>
        <source>&amp;Recent databases</source>
        <translation>Bases &amp;récentes</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="473"/>
        <source>Contacts to re&amp;view (personal data)…</source>
        <translation>Contacts à re&amp;voir (données personnelles)…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="481"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="507"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="374"/>
        <source>&amp;Filter the list</source>
        <translation>&amp;Filtrer la liste</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="512"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="527"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="382"/>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="572"/>
        <source>Res&amp;tore the selected record</source>
        <translation>Res&amp;taurer la fiche sélectionnée</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/main_window.py" line="968"/>
        <source>About {app}</source>
        <translation>À propos de {app}</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="133"/>
        <source>Company receiving the meeting</source>
        <translation>Entreprise qui accueille la réunion</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="135"/>
        <source>Taskforce this meeting works for</source>
        <translation>Taskforce pour laquelle se tient la réunion</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="218"/>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="233"/>
        <source>New meeting</source>
        <translation>Nouvelle réunion</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="242"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="242"/>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="298"/>
        <source>Keys on the list: P present, A absent, E excused, I invited. Tick Morning or Afternoon (or press Space on them) to record half-days.</source>
        <translation>Touches sur la liste : P présent, A absent, E excusé, I invité. Cochez Matin ou Après-midi (ou appuyez sur Espace) pour noter les demi-journées.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="302"/>
        <source>Keys on the list: P present, A absent, E excused, I invited.</source>
        <translation>Touches sur la liste : P présent, A absent, E excusé, I invité.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="307"/>
        <source>{invited} invited · {present} present · {organisations} organisations represented</source>
        <translation>{invited} invités · {present} présents · {organisations} structures représentées</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="312"/>
        <source>Atte&amp;ndance ({present}/{invited})</source>
        <translation>Éma&amp;rgement ({present}/{invited})</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="324"/>
        <source>A held meeting keeps its list: mark people absent instead.</source>
        <translation>Une réunion tenue garde sa liste : indiquez plutôt les personnes absentes.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="329"/>
        <source>Link the meeting to a taskforce first (Details tab).</source>
        <translation>Rattachez d&apos;abord la réunion à une taskforce (onglet Détails).</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="333"/>
        <source>Add to this list the people registered in a spreadsheet (.xlsx or .csv); people not yet in the directory are added to it.</source>
        <translation>Ajoute à cette liste les personnes inscrites dans un tableur (.xlsx ou .csv) ; celles qui ne sont pas encore dans l&apos;annuaire y sont ajoutées.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="337"/>
        <source>The meeting is saved first: registrations go into a saved meeting.</source>
        <translation>La réunion est d&apos;abord enregistrée : les inscriptions vont dans une réunion enregistrée.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="383"/>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="415"/>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="436"/>
        <source>Attendance</source>
        <translation>Présence</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="383"/>
        <source>Everyone chosen is already on the list.</source>
        <translation>Toutes les personnes choisies sont déjà sur la liste.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="401"/>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="406"/>
        <source>Invite contacts</source>
        <translation>Inviter des contacts</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="402"/>
        <source>Invite</source>
        <translation>Inviter</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="415"/>
        <source>The taskforce has no members yet.</source>
        <translation>La taskforce n&apos;a pas encore de membres.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="418"/>
        <source>Invite the taskforce&apos;s members</source>
        <translation>Inviter les membres de la taskforce</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="426"/>
        <source>Invite every contact of organisations</source>
        <translation>Inviter tous les contacts de structures</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="427"/>
        <source>Invite their contacts</source>
        <translation>Inviter leurs contacts</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="436"/>
        <source>These organisations have no contacts yet.</source>
        <translation>Ces structures n&apos;ont pas encore de contacts.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="439"/>
        <source>Invite the contacts of organisations</source>
        <translation>Inviter les contacts de structures</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="494"/>
        <source>Import registrations</source>
        <translation>Importer des inscriptions</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="495"/>
        <source>Registrations are imported into a saved meeting. Save this one now?</source>
        <translation>Les inscriptions sont importées dans une réunion enregistrée. Enregistrer celle-ci maintenant ?</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="521"/>
        <source>Import registrations from “{file}”</source>
        <translation>Importer les inscriptions de « {file} »</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="543"/>
        <source>Mark %n person(s) as {status}</source>
        <translation>
            <numerusform>Marquer %n personne : {status}</numerusform>
            <numerusform>Marquer %n personnes : {status}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="560"/>
        <source>Meeting held?</source>
        <translation>Réunion tenue ?</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="562"/>
        <source>This meeting is still planned. Presence is being recorded: mark it held? Its attendance sheet then becomes the record of presence.</source>
        <translation>Cette réunion est encore prévue. Des présences sont saisies : la marquer tenue ? Sa feuille d&apos;émargement devient alors le relevé des présences.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="631"/>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="649"/>
        <source>Attendance sheet</source>
        <translation>Feuille d&apos;émargement</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="633"/>
        <source>%n person(s) on the list excused themselves. Print them on the sheet to sign as well?</source>
        <translation>
            <numerusform>%n personne de la liste s&apos;est excusée. L&apos;imprimer aussi sur la feuille à signer ?</numerusform>
            <numerusform>%n personnes de la liste se sont excusées. Les imprimer aussi sur la feuille à signer ?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="651"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="675"/>
        <source>Remove %n person(s) from the list</source>
        <translation>
            <numerusform>Retirer %n personne de la liste</numerusform>
            <numerusform>Retirer %n personnes de la liste</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="692"/>
        <source>Half-day presence of {name}</source>
        <translation>Présence par demi-journée de {name}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="725"/>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="743"/>
        <source>Roadmap action</source>
        <translation>Action de feuille de route</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="726"/>
        <source>Put the cursor on a line of the minutes first.</source>
        <translation>Placez d&apos;abord le curseur sur une ligne du compte rendu.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="744"/>
        <source>There is no open taskforce to give this action to.</source>
        <translation>Aucune taskforce en cours ne peut recevoir cette action.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="756"/>
        <source>Action decided at this meeting</source>
        <translation>Action décidée lors de cette réunion</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="14"/>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="63"/>
        <source>This meeting is archived: it no longer appears in the everyday lists.</source>
        <translation>Cette réunion est archivée : elle n&apos;apparaît plus dans les listes courantes.</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="87"/>
        <source>&amp;Details</source>
        <translation>&amp;Détails</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="98"/>
        <source>&amp;Programme</source>
        <translation>Dé&amp;marche</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="111"/>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="167"/>
        <source>&amp;Ends at</source>
        <translation>&amp;Fin à</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="184"/>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;ut</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="220"/>
        <source>&amp;Venue</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="250"/>
        <source>&amp;Host company</source>
        <translation>E&amp;ntreprise hôte</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="263"/>
        <source>Task&amp;force</source>
        <translation>Ta&amp;skforce</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="276"/>
        <source>T&amp;opics</source>
        <translation>T&amp;hématiques</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="292"/>
        <source>A&amp;genda</source>
        <translation>Ordre du &amp;jour</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="298"/>
        <source>One item per line; the agenda document lists them in this order.</source>
        <translation>Un point par ligne ; l&apos;ordre du jour les reprend dans cet ordre.</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="316"/>
        <source>&amp;Minutes</source>
        <translation>&amp;Compte rendu</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="324"/>
        <source>Minutes</source>
        <translation>Compte rendu</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="363"/>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="381"/>
        <source>Atte&amp;ndance</source>
        <translation>Éma&amp;rgement</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="124"/>
        <source>T&amp;itle *</source>
        <translation>&amp;Intitulé *</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="137"/>
        <source>Da&amp;te *</source>
        <translation>D&amp;ate *</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="150"/>
        <source>Sta&amp;rts at</source>
        <translation>Dé&amp;but à</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="233"/>
        <source>Room &amp;capacity</source>
        <translation>Ca&amp;pacité de la salle</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="243"/>
        <source>How many people the room holds, when known: more people present is flagged before the sheet goes out</source>
        <translation>Combien de personnes la salle accueille, si on le sait : davantage de présents est signalé avant que la feuille parte</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="347"/>
        <source>Turn the current line into a &amp;roadmap action…</source>
        <translation>Faire de la ligne courante une &amp;action de feuille de route…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="389"/>
        <source>Add &amp;from the directory…</source>
        <translation>Ajouter depuis l&apos;&amp;annuaire…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="396"/>
        <source>Add &amp;the taskforce&apos;s members</source>
        <translation>Ajouter les &amp;membres de la taskforce</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="403"/>
        <source>Add the contacts of o&amp;rganisations…</source>
        <translation>Ajouter les contacts de &amp;structures…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="410"/>
        <source>&amp;Walk-in…</source>
        <translation>Personne &amp;non inscrite…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="417"/>
        <source>&amp;Import registrations…</source>
        <translation>&amp;Importer des inscriptions…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="424"/>
        <source>Turn the computer toward participants: each one finds their name and signs on the screen for one half-day.</source>
        <translation>Tourner l&apos;ordinateur vers les participants : chacun trouve son nom et signe à l&apos;écran pour une demi-journée.</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="427"/>
        <source>Ha&amp;ve participants sign…</source>
        <translation>Faire si&amp;gner…</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="451"/>
        <source>Selected people:</source>
        <translation>Personnes sélectionnées :</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="458"/>
        <source>Present</source>
        <translation>Présent</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="465"/>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="472"/>
        <source>Excused</source>
        <translation>Excusé</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="479"/>
        <source>Invited</source>
        <translation>Invité</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="499"/>
        <source>Remove from the list</source>
        <translation>Retirer de la liste</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="511"/>
        <source>Keys on the list: P present, A absent, E excused, I invited. Tick Morning or Afternoon to record half-days.</source>
        <translation>Touches sur la liste : P présent, A absent, E excusé, I invité. Cochez Matin ou Après-midi pour noter les demi-journées.</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="527"/>
        <source>Archi&amp;ve</source>
        <translation>Archi&amp;ver</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="534"/>
        <source>&amp;Agenda (PDF)</source>
        <translation>&amp;Ordre du jour (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="548"/>
        <source>Attendance sheet (E&amp;xcel)</source>
        <translation>Feuille d&apos;émargement (E&amp;xcel)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="541"/>
        <source>Minutes (PDF)</source>
        <translation>Compte rendu (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="555"/>
        <source>Attendance sheet (PDF)</source>
        <translation>Feuille d&apos;émargement (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="575"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/meeting_form.ui" line="582"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <location filename="../../resilian_desktop/qt/memberships.py" line="70"/>
        <source>Edit the membership</source>
        <translation>Modifier l&apos;adhésion</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/memberships.py" line="70"/>
        <source>Join a programme</source>
        <translation>Rejoindre une démarche</translation>
    </message>
    <message>
        <location filename="../../ui/membership_dialog.ui" line="14"/>
        <source>Programme membership</source>
        <translation>Adhésion à une démarche</translation>
    </message>
    <message>
        <location filename="../../ui/membership_dialog.ui" line="35"/>
        <source>&amp;Programme *</source>
        <translation>&amp;Démarche *</translation>
    </message>
    <message>
        <location filename="../../ui/membership_dialog.ui" line="48"/>
        <source>Member &amp;since</source>
        <translation>Membre depui&amp;s</translation>
    </message>
    <message>
        <location filename="../../ui/membership_dialog.ui" line="61"/>
        <source>&amp;Until</source>
        <translation>&amp;Jusqu&apos;au</translation>
    </message>
    <message>
        <location filename="../../ui/membership_dialog.ui" line="76"/>
        <source>Leave a date empty when it is not known. When the organisation leaves the programme, give the end date rather than removing the membership: past member counts stay true.</source>
        <translation>Laissez une date vide si elle n&apos;est pas connue. Quand la structure quitte la démarche, indiquez la date de fin plutôt que de supprimer l&apos;adhésion : les effectifs passés restent justes.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="52"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="53"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="55"/>
        <source>NAF code</source>
        <translation>Code NAF</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="56"/>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="57"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="58"/>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="59"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="60"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="61"/>
        <source>Headcount</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="62"/>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="63"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="64"/>
        <source>Civility</source>
        <translation>Civilité</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="65"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="66"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="67"/>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="68"/>
        <source>Organisation</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="69"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="70"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="71"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="72"/>
        <source>Elected official</source>
        <translation>Élu(e)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="73"/>
        <source>Mandate</source>
        <translation>Mandat</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="74"/>
        <source>Legal basis</source>
        <translation>Base légale</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="75"/>
        <source>Legal basis since</source>
        <translation>Base légale depuis le</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="76"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="134"/>
        <source>Merge duplicates</source>
        <translation>Fusionner des doublons</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="139"/>
        <source>Type the name of the duplicate</source>
        <translation>Tapez le nom du doublon</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="143"/>
        <source>Record kept:</source>
        <translation>Fiche conservée :</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="144"/>
        <source>Duplicate merged into it:</source>
        <translation>Doublon à y fusionner :</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="149"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="149"/>
        <source>Record kept</source>
        <translation>Fiche conservée</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="149"/>
        <source>Duplicate</source>
        <translation>Doublon</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="161"/>
        <source>Everything linked to the duplicate (attendance, memberships, taskforces, actions, topics) moves to the record kept; the duplicate is archived and points to it. Ctrl+Z undoes the merge.</source>
        <translation>Tout ce qui est lié au doublon (présences, adhésions, taskforces, actions, thématiques) passe sur la fiche conservée ; le doublon est archivé et renvoie vers elle. Ctrl+Z annule la fusion.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="172"/>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="210"/>
        <source>Linked rows that move from the duplicate to the record kept: {count}. The duplicate is archived and points to it. Ctrl+Z undoes the merge.</source>
        <translation>Lignes liées qui passent du doublon à la fiche conservée : {count}. Le doublon est archivé et renvoie vers elle. Ctrl+Z annule la fusion.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="220"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="220"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/merge_dialog.py" line="291"/>
        <source>Merge “{other}” into “{keep}”</source>
        <translation>Fusionner « {other} » dans « {keep} »</translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="101"/>
        <source>Programme</source>
        <translation>Démarche</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="102"/>
        <source>Member since</source>
        <translation>Membre depuis</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="103"/>
        <source>Until</source>
        <translation>Jusqu&apos;au</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="111"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="112"/>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="113"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="114"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="120"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="121"/>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="122"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="123"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="124"/>
        <source>Attendance</source>
        <translation>Présence</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="130"/>
        <source>Taskforce</source>
        <translation>Taskforce</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="131"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="132"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="133"/>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="192"/>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="211"/>
        <source>New organisation</source>
        <translation>Nouvelle structure</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="214"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="214"/>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="255"/>
        <source>Save the organisation to add its contacts.</source>
        <translation>Enregistrez la structure pour lui ajouter des contacts.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="261"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="267"/>
        <source>Invited {invited} times; present {present} times at {meetings} meetings.</source>
        <translation>Invitée {invited} fois ; présente {present} fois, à {meetings} réunions.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="274"/>
        <source>Nobody from this organisation has been invited to a meeting yet.</source>
        <translation>Personne de cette structure n&apos;a encore été invité à une réunion.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="279"/>
        <source>%n taskforce(s)</source>
        <translation>
            <numerusform>%n taskforce</numerusform>
            <numerusform>%n taskforces</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="281"/>
        <source>This organisation takes part in no taskforce.</source>
        <translation>Cette structure ne participe à aucune taskforce.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="284"/>
        <source>&amp;Contacts (%n)</source>
        <translation>
            <numerusform>&amp;Contacts (%n)</numerusform>
            <numerusform>&amp;Contacts (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="302"/>
        <source>Member today of: {programmes}.</source>
        <translation>Membre aujourd&apos;hui de : {programmes}.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="306"/>
        <source>Not a member of any programme today.</source>
        <translation>Membre d&apos;aucune démarche aujourd&apos;hui.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="308"/>
        <source>Not a member of any programme.</source>
        <translation>Membre d&apos;aucune démarche.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="312"/>
        <source>Pro&amp;grammes (%n)</source>
        <translation>
            <numerusform>Dé&amp;marches (%n)</numerusform>
            <numerusform>Dé&amp;marches (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="14"/>
        <source>Organisation</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="53"/>
        <source>This organisation is archived: it no longer appears in the everyday lists.</source>
        <translation>Cette structure est archivée : elle n&apos;apparaît plus dans les listes courantes.</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="77"/>
        <source>&amp;Details</source>
        <translation>&amp;Détails</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="90"/>
        <source>&amp;Name *</source>
        <translation>&amp;Nom *</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="103"/>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="116"/>
        <source>S&amp;IRET</source>
        <translation>S&amp;IRET</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="143"/>
        <source>Filled in from the SIRET</source>
        <translation>Déduit du SIRET</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="180"/>
        <source>&amp;Headcount</source>
        <translation>E&amp;ffectif</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="216"/>
        <source>&amp;Address</source>
        <translation>Ad&amp;resse</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="259"/>
        <source>Co&amp;untry</source>
        <translation>Pa&amp;ys</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="279"/>
        <source>&amp;Website</source>
        <translation>Site &amp;web</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="318"/>
        <source>T&amp;opics</source>
        <translation>T&amp;hématiques</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="324"/>
        <source>Tick what the organisation can share with the network and what it is looking for.</source>
        <translation>Cochez ce que la structure peut apporter au réseau et ce qu&apos;elle recherche.</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="336"/>
        <source>Expertise</source>
        <translation>Expertises</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="348"/>
        <source>Needs</source>
        <translation>Besoins</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="133"/>
        <source>SI&amp;REN</source>
        <translation>&amp;SIREN</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="150"/>
        <source>NAF cod&amp;e</source>
        <translation>Code N&amp;AF</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="167"/>
        <source>&amp;Business sector</source>
        <translation>Secteur d&apos;acti&amp;vité</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="229"/>
        <source>Posta&amp;l code</source>
        <translation>Code posta&amp;l</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="246"/>
        <source>Co&amp;mmune</source>
        <translation>Comm&amp;une</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="300"/>
        <source>No&amp;tes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="363"/>
        <source>Pro&amp;grammes</source>
        <translation>Dé&amp;marches</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="381"/>
        <source>&amp;Join a programme…</source>
        <translation>&amp;Rejoindre une démarche…</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="388"/>
        <source>&amp;Edit…</source>
        <translation>M&amp;odifier…</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="395"/>
        <source>Re&amp;move</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="407"/>
        <source>Memberships are saved with the organisation (Save). When it leaves a programme, give the end date rather than removing the line: past member counts stay true.</source>
        <translation>Les adhésions sont enregistrées avec la structure (Enregistrer). Quand elle quitte une démarche, indiquez la date de fin plutôt que de retirer la ligne : les effectifs passés restent justes.</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="418"/>
        <source>&amp;Contacts</source>
        <translation>&amp;Contacts</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="446"/>
        <source>&amp;New contact…</source>
        <translation>&amp;Nouveau contact…</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="459"/>
        <source>&amp;Participation</source>
        <translation>&amp;Participation</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="479"/>
        <source>Task&amp;forces</source>
        <translation>Tas&amp;kforces</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="504"/>
        <source>Archi&amp;ve</source>
        <translation>Archi&amp;ver</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="524"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/organisation_form.ui" line="531"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../resilian_desktop/qt/pdf_preview.py" line="65"/>
        <source>Preview — %1</source>
        <translation>Aperçu — %1</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/pdf_preview.py" line="78"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/pdf_preview.py" line="81"/>
        <source>&amp;Save as…</source>
        <translation>&amp;Enregistrer sous…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/pdf_preview.py" line="84"/>
        <source>Open the &amp;folder</source>
        <translation>Ouvrir le &amp;dossier</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/pdf_preview.py" line="87"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/pdf_preview.py" line="140"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/pdf_preview.py" line="143"/>
        <source>This PDF cannot be read: %1</source>
        <translation>Ce PDF ne peut pas être lu : %1</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/pdf_preview.py" line="178"/>
        <source>The printer cannot be used.</source>
        <translation>L&apos;imprimante ne peut pas être utilisée.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/pdf_preview.py" line="210"/>
        <location filename="../../resilian_desktop/qt/pdf_preview.py" line="219"/>
        <source>Save the PDF</source>
        <translation>Enregistrer le PDF</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/pdf_preview.py" line="212"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/pdf_preview.py" line="236"/>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="152"/>
        <source>This field is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="153"/>
        <source>This text is too long.</source>
        <translation>Ce texte est trop long.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="154"/>
        <source>A SIRET contains only digits.</source>
        <translation>Un SIRET ne contient que des chiffres.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="155"/>
        <source>A SIRET has 14 digits.</source>
        <translation>Un SIRET a 14 chiffres.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="156"/>
        <source>This SIRET is not valid: its check digit is wrong.</source>
        <translation>Ce SIRET n&apos;est pas valide : sa clé de contrôle est fausse.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="159"/>
        <source>Probably a record already there (same name and commune, another SIRET; or its e-mail address under another name): import this row onto it, or merge the two.</source>
        <translation>Probablement une fiche déjà enregistrée (même nom et même commune, autre SIRET ; ou son adresse e-mail sous un autre nom) : importez cette ligne sur elle, ou fusionnez les deux.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="164"/>
        <source>This SIRET already belongs to another organisation.</source>
        <translation>Ce SIRET appartient déjà à une autre structure.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="167"/>
        <source>A SIREN contains only digits.</source>
        <translation>Un SIREN ne contient que des chiffres.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="168"/>
        <source>A SIREN has 9 digits.</source>
        <translation>Un SIREN a 9 chiffres.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="169"/>
        <source>This SIREN is not valid: its check digit is wrong.</source>
        <translation>Ce SIREN n&apos;est pas valide : sa clé de contrôle est fausse.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="172"/>
        <source>The SIREN is not the start of the SIRET.</source>
        <translation>Le SIREN ne correspond pas au début du SIRET.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="173"/>
        <source>A NAF code looks like 25.62A (4 digits and a letter).</source>
        <translation>Un code NAF s&apos;écrit comme 25.62A (4 chiffres et une lettre).</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="176"/>
        <source>This is not a valid postcode.</source>
        <translation>Ce code postal n&apos;est pas valide.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="177"/>
        <source>Give a country by its name (Allemagne) or its code (DE).</source>
        <translation>Indiquez un pays par son nom (Allemagne) ou son code (DE).</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="180"/>
        <source>This is not a valid email address.</source>
        <translation>Cette adresse e-mail n&apos;est pas valide.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="181"/>
        <source>This is not a valid phone number (03 88 12 34 56).</source>
        <translation>Ce numéro de téléphone n&apos;est pas valide (03 88 12 34 56).</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="184"/>
        <source>This is not a valid website address.</source>
        <translation>Cette adresse de site web n&apos;est pas valide.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="185"/>
        <source>The headcount is a whole number of people.</source>
        <translation>L&apos;effectif est un nombre entier de personnes.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="186"/>
        <source>The capacity is a whole number of people, from 1 to 100 000.</source>
        <translation>La capacité est un nombre entier de personnes, de 1 à 100 000.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="189"/>
        <source>Progress is a percentage from 0 to 100.</source>
        <translation>L&apos;avancement est un pourcentage de 0 à 100.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="190"/>
        <source>Type a date as dd/mm/yyyy.</source>
        <translation>Saisissez une date sous la forme jj/mm/aaaa.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="191"/>
        <source>Type a time as 14:30 or 14h30.</source>
        <translation>Saisissez une heure sous la forme 14:30 ou 14h30.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="192"/>
        <source>The end comes before the start.</source>
        <translation>La fin est antérieure au début.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="193"/>
        <source>Choose one of the values offered.</source>
        <translation>Choisissez l&apos;une des valeurs proposées.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="194"/>
        <source>This record no longer exists.</source>
        <translation>Cette fiche n&apos;existe plus.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="195"/>
        <source>This name is already used.</source>
        <translation>Ce nom est déjà utilisé.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="196"/>
        <source>Only an action marked done has a done date.</source>
        <translation>Seule une action faite a une date de réalisation.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="197"/>
        <source>Choose an entry from the list offered.</source>
        <translation>Choisissez dans la liste proposée.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="198"/>
        <source>The organisation is already a member of this programme over these dates.</source>
        <translation>La structure est déjà membre de cette démarche sur ces dates.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="201"/>
        <source>A logo is a PNG, JPEG or GIF image.</source>
        <translation>Un logo est une image PNG, JPEG ou GIF.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="202"/>
        <source>This file cannot be read.</source>
        <translation>Ce fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="203"/>
        <source>This contact&apos;s data was erased on request: it cannot be entered again.</source>
        <translation>Les données de ce contact ont été effacées à sa demande : elles ne peuvent pas être saisies à nouveau.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="206"/>
        <source>The meeting&apos;s date is after today: it cannot be held yet, keep it planned.</source>
        <translation>La date de la réunion est après aujourd&apos;hui : elle ne peut pas encore être tenue, laissez-la prévue.</translation>
    </message>
</context>
<context>
    <name>ProgrammeChoice</name>
    <message>
        <location filename="../../resilian_desktop/qt/programme_choice.py" line="53"/>
        <source>No programme yet: open this list, choose “New programme…”</source>
        <translation>Aucune démarche : ouvrez cette liste, choisissez « Nouvelle démarche… »</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/programme_choice.py" line="59"/>
        <source>The collective approach this belongs to; programmes are kept in Network &gt; Programmes and funders</source>
        <translation>La démarche collective dont relève la fiche ; les démarches se gèrent dans Réseau &gt; Démarches et financeurs</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/programme_choice.py" line="75"/>
        <source>New programme…</source>
        <translation>Nouvelle démarche…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/programme_choice.py" line="134"/>
        <source>New programme</source>
        <translation>Nouvelle démarche</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/programme_choice.py" line="135"/>
        <source>Name of the collective approach (e.g. RESILIAN - Alsace du Nord):</source>
        <translation>Nom de la démarche collective (par ex. RESILIAN - Alsace du Nord) :</translation>
    </message>
</context>
<context>
    <name>ProgrammesDialog</name>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="288"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="289"/>
        <source>Organisation</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="290"/>
        <source>Operation reference</source>
        <translation>Référence de l&apos;opération</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="291"/>
        <source>Funding mention</source>
        <translation>Mention de financement</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="428"/>
        <location filename="../../resilian_desktop/qt/network.py" line="515"/>
        <source>New programme</source>
        <translation>Nouvelle démarche</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="507"/>
        <source>“{name}” saved.</source>
        <translation>« {name} » enregistrée.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/network.py" line="534"/>
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n réunion</numerusform>
            <numerusform>%n réunions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/network.py" line="535"/>
        <source>%n taskforce(s)</source>
        <translation>
            <numerusform>%n taskforce</numerusform>
            <numerusform>%n taskforces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/network.py" line="537"/>
        <source>%n member organisation(s)</source>
        <translation>
            <numerusform>%n structure membre</numerusform>
            <numerusform>%n structures membres</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="542"/>
        <location filename="../../resilian_desktop/qt/network.py" line="551"/>
        <source>Delete the programme</source>
        <translation>Supprimer la démarche</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="544"/>
        <source>“{name}” cannot be deleted: {used} refer to it. A programme that has been used stays, so that past figures stay true.</source>
        <translation>« {name} » ne peut pas être supprimée : elle est utilisée par {used}. Une démarche qui a servi reste, pour que les chiffres passés restent justes.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="552"/>
        <source>Delete “{name}” and its funders? This cannot be undone.</source>
        <translation>Supprimer « {name} » et ses financeurs ? Cette action est définitive.</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="14"/>
        <source>Programmes and funders</source>
        <translation>Démarches et financeurs</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="42"/>
        <source>&amp;Programmes</source>
        <translation>&amp;Démarches</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="57"/>
        <source>&amp;New programme</source>
        <translation>Nouvelle démarc&amp;he</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="64"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="122"/>
        <source>Na&amp;me *</source>
        <translation>&amp;Nom *</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="139"/>
        <source>&amp;Territory</source>
        <translation>&amp;Territoire</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="152"/>
        <source>Agenc&amp;y</source>
        <translation>A&amp;gence</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="162"/>
        <source>The organiser printed on attendance sheets and documents.</source>
        <translation>L&apos;organisateur imprimé sur les feuilles d&apos;émargement et les documents.</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="169"/>
        <source>Operation &amp;reference</source>
        <translation>Référence de l&apos;o&amp;pération</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="179"/>
        <source>The reference of the grant agreement, printed on the documents.</source>
        <translation>La référence de la convention de financement, imprimée sur les documents.</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="186"/>
        <source>St&amp;art</source>
        <translation>Dé&amp;but</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="199"/>
        <source>&amp;End</source>
        <translation>&amp;Fin</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="219"/>
        <source>Des&amp;cription</source>
        <translation>Descr&amp;iption</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="236"/>
        <source>Fundin&amp;g mention</source>
        <translation>Mention de fin&amp;ancement</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="260"/>
        <source>Funders</source>
        <translation>Financeurs</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="266"/>
        <source>Printed in this order on attendance sheets and documents: each funder&apos;s logo (its name when it has none). The programme&apos;s funding mention, when given, replaces the funders&apos; own.</source>
        <translation>Imprimés dans cet ordre sur les feuilles d&apos;émargement et les documents : le logo de chaque financeur (son nom s&apos;il n&apos;en a pas). La mention de financement de la démarche, si elle est renseignée, remplace celles des financeurs.</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="278"/>
        <source>Add a &amp;funder…</source>
        <translation>Ajo&amp;uter un financeur…</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="285"/>
        <source>Ed&amp;it…</source>
        <translation>M&amp;odifier…</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="292"/>
        <source>Remo&amp;ve</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="299"/>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="306"/>
        <source>Move do&amp;wn</source>
        <translation>Des&amp;cendre</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="360"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/programmes_dialog.ui" line="370"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
</context>
<context>
    <name>ProofPanel</name>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="65"/>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="169"/>
        <source>Scanned signed sheets</source>
        <translation>Feuilles signées scannées</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="70"/>
        <source>Attach the signed sheet…</source>
        <translation>Joindre la feuille signée…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="74"/>
        <source>Attach the scan of the sheet signed on paper (PDF, PNG or JPEG): a copy is kept beside the database with its SHA-256, and goes into every backup</source>
        <translation>Joindre le scan de la feuille signée sur papier (PDF, PNG ou JPEG) : une copie est gardée à côté de la base avec son SHA-256, et part dans chaque sauvegarde</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="79"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="128"/>
        <source>Checks before the sheet goes out</source>
        <translation>Contrôles avant l’envoi de la feuille</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="131"/>
        <source>Checks before the sheet goes out: nothing a controller would reject</source>
        <translation>Contrôles avant l’envoi de la feuille : rien qu’un contrôleur rejetterait</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="136"/>
        <source>Checks before the sheet goes out: %n problem(s) a controller would reject</source>
        <translation>
            <numerusform>Contrôles avant l’envoi de la feuille : %n problème qu’un contrôleur rejetterait</numerusform>
            <numerusform>Contrôles avant l’envoi de la feuille : %n problèmes qu’un contrôleur rejetterait</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="155"/>
        <source>{date} {time} — {name} — SHA-256 {hash}…</source>
        <translation>{date} {time} — {name} — SHA-256 {hash}…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="171"/>
        <source>Scanned signed sheets: none attached</source>
        <translation>Feuilles signées scannées : aucune jointe</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="185"/>
        <source>Attach the signed sheet</source>
        <translation>Joindre la feuille signée</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="187"/>
        <source>Scans (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Scans (*.pdf *.png *.jpg *.jpeg);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="206"/>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="224"/>
        <source>Not possible</source>
        <translation>Impossible</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="207"/>
        <source>{file}: cannot be read ({error})</source>
        <translation>{file} : illisible ({error})</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="225"/>
        <source>{file}: the attached file is missing from {folder}</source>
        <translation>{file} : le fichier joint manque dans {folder}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="144"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="145"/>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="102"/>
        <source>Created on {date} at {time} by {who}</source>
        <translation>Création le {date} à {time} par {who}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="106"/>
        <source>Created on {date} at {time}</source>
        <translation>Création le {date} à {time}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="113"/>
        <source>changed on {date} at {time} by {who}</source>
        <translation>dernière modification le {date} à {time} par {who}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="117"/>
        <source>changed on {date} at {time}</source>
        <translation>dernière modification le {date} à {time}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="405"/>
        <source>Topics</source>
        <translation>Thématiques</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="406"/>
        <source>Expertise</source>
        <translation>Expertises</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="407"/>
        <source>Needs</source>
        <translation>Besoins</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="408"/>
        <source>Memberships</source>
        <translation>Adhésions</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="409"/>
        <source>Archived</source>
        <translation>Archivage</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="410"/>
        <source>Erased</source>
        <translation>Effacement</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="411"/>
        <source>Programme</source>
        <translation>Démarche</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="430"/>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="431"/>
        <source>This record looks like one that already exists:
{matches}

Save it anyway?</source>
        <translation>Cette fiche ressemble à une fiche existante :
{matches}

L&apos;enregistrer quand même ?</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="81"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/record_form.py" line="82"/>
        <source>“{title}” has changes that are not saved. Save them?</source>
        <translation>« {title} » a des modifications non enregistrées. Les enregistrer ?</translation>
    </message>
</context>
<context>
    <name>RecordPickerDialog</name>
    <message>
        <location filename="../../resilian_desktop/qt/pickers.py" line="254"/>
        <source>Search, filter, select lines and press Add to the selection (or double-click): the selection is kept from one search to the next.</source>
        <translation>Cherchez, filtrez, sélectionnez des lignes et appuyez sur Ajouter à la sélection (ou double-cliquez) : la sélection est gardée d&apos;une recherche à l&apos;autre.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/pickers.py" line="284"/>
        <source>Organisation…</source>
        <translation>Structure…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/pickers.py" line="293"/>
        <source>All topics</source>
        <translation>Toutes les thématiques</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/pickers.py" line="307"/>
        <source>&amp;Add to the selection →</source>
        <translation>A&amp;jouter à la sélection →</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/pickers.py" line="310"/>
        <source>&amp;Remove from the selection</source>
        <translation>&amp;Retirer de la sélection</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/pickers.py" line="353"/>
        <source>%n found</source>
        <translation>
            <numerusform>%n trouvé</numerusform>
            <numerusform>%n trouvés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/pickers.py" line="359"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n sélectionné</numerusform>
            <numerusform>%n sélectionnés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/pickers.py" line="410"/>
        <source>&amp;Selection (%n)</source>
        <translation>
            <numerusform>&amp;Sélection (%n)</numerusform>
            <numerusform>&amp;Sélection (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/record_picker_dialog.ui" line="14"/>
        <source>Choose</source>
        <translation>Choisir</translation>
    </message>
    <message>
        <location filename="../../ui/record_picker_dialog.ui" line="20"/>
        <source>Type to search, select one or more lines (Ctrl+click, Shift+click), then press Add.</source>
        <translation>Tapez pour chercher, sélectionnez une ou plusieurs lignes (Ctrl+clic, Maj+clic), puis validez.</translation>
    </message>
    <message>
        <location filename="../../ui/record_picker_dialog.ui" line="32"/>
        <source>Search (accents and case ignored)…</source>
        <translation>Rechercher (sans tenir compte des accents ni des majuscules)…</translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/dashboard.py" line="199"/>
        <source>%n record(s), from {start} to {end}</source>
        <translation>
            <numerusform>%n fiche, du {start} au {end}</numerusform>
            <numerusform>%n fiches, du {start} au {end}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/dashboard.py" line="205"/>
        <source>Double-click a line to open it.</source>
        <translation>Double-cliquez sur une ligne pour l&apos;ouvrir.</translation>
    </message>
</context>
<context>
    <name>Rights</name>
    <message>
        <location filename="../../resilian_desktop/qt/rights.py" line="39"/>
        <source>{user} reads this database: changes are not possible.</source>
        <translation>{user} consulte cette base : les modifications ne sont pas possibles.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/rights.py" line="43"/>
        <source>{user} changes only the records of their own programmes.</source>
        <translation>{user} ne modifie que les fiches de ses propres démarches.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/rights.py" line="47"/>
        <source>Only an administrator changes programmes, funders and users.</source>
        <translation>Seul un administrateur modifie les démarches, les financeurs et les utilisateurs.</translation>
    </message>
</context>
<context>
    <name>RoadmapModel</name>
    <message>
        <location filename="../../resilian_desktop/qt/roadmap.py" line="66"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/roadmap.py" line="67"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/roadmap.py" line="68"/>
        <source>Owner</source>
        <translation>Porteur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/roadmap.py" line="69"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/roadmap.py" line="70"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/roadmap.py" line="71"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/roadmap.py" line="72"/>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/roadmap.py" line="132"/>
        <source>Late: due on {date}</source>
        <translation>En retard : échéance le {date}</translation>
    </message>
</context>
<context>
    <name>StaleRecordBox</name>
    <message>
        <location filename="../../resilian_desktop/qt/stale_record.py" line="54"/>
        <source>Changed by someone else</source>
        <translation>Modifié par quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/stale_record.py" line="55"/>
        <source>another user</source>
        <translation>un autre utilisateur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/stale_record.py" line="59"/>
        <source>“{record}” was changed by {who} on {date} at {time}, while you were editing it.</source>
        <translation>{who} a modifié « {record} » le {date} à {time}, pendant que vous faisiez vos modifications.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/stale_record.py" line="68"/>
        <source>“{record}” was changed by {who}, while you were editing it.</source>
        <translation>{who} a modifié « {record} » pendant que vous faisiez vos modifications.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/stale_record.py" line="74"/>
        <source>What they changed:</source>
        <translation>Ce qui a changé :</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/stale_record.py" line="76"/>
        <source>They changed what this window does not show.</source>
        <translation>Le changement porte sur ce que cette fenêtre n&apos;affiche pas.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/stale_record.py" line="82"/>
        <source>Reload shows the version now stored: your changes are lost.
Keep my version saves yours over it.</source>
        <translation>Recharger affiche la version enregistrée : vos modifications sont perdues.
Garder ma version enregistre la vôtre à sa place.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/stale_record.py" line="87"/>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/stale_record.py" line="90"/>
        <source>&amp;Keep my version</source>
        <translation>&amp;Garder ma version</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/stale_record.py" line="101"/>
        <source>• {field}</source>
        <translation>• {field}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/stale_record.py" line="102"/>
        <source>• {field}: “{before}” → “{after}”</source>
        <translation>• {field} : « {before} » → « {after} »</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/stale_record.py" line="109"/>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/stale_record.py" line="111"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/stale_record.py" line="111"/>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../resilian_desktop/qt/start_window.py" line="20"/>
        <source>Opening {name}…</source>
        <translation>Ouverture de {name}…</translation>
    </message>
</context>
<context>
    <name>TaskforceForm</name>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="116"/>
        <source>The company that leads</source>
        <translation>L&apos;entreprise pilote</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="118"/>
        <source>Its project lead</source>
        <translation>Son chef de projet</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="155"/>
        <source>Organisation</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="156"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="172"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="173"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="174"/>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="175"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="176"/>
        <source>Present</source>
        <translation>Présents</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="213"/>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="227"/>
        <source>New taskforce</source>
        <translation>Nouvelle taskforce</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="230"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="230"/>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="270"/>
        <source>Organisations that raised the problem</source>
        <translation>Structures à l&apos;origine du problème</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="345"/>
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n réunion</numerusform>
            <numerusform>%n réunions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="349"/>
        <source>{actions} actions · {done} done · {late} late</source>
        <translation>{actions} actions · {done} faites · {late} en retard</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="356"/>
        <source>&amp;Roadmap (%n)</source>
        <translation>
            <numerusform>&amp;Feuille de route (%n)</numerusform>
            <numerusform>&amp;Feuille de route (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="360"/>
        <source>&amp;Members (%n)</source>
        <translation>
            <numerusform>&amp;Membres (%n)</numerusform>
            <numerusform>&amp;Membres (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="271"/>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="525"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="154"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="375"/>
        <source>Add to this roadmap the actions of a spreadsheet (.xlsx or .csv); an action already there (same title) is updated.</source>
        <translation>Ajoute à cette feuille de route les actions d&apos;un tableur (.xlsx ou .csv) ; une action déjà présente (même intitulé) est mise à jour.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="379"/>
        <source>The taskforce is saved first: actions go into a saved roadmap.</source>
        <translation>La taskforce est d&apos;abord enregistrée : les actions vont dans une feuille de route enregistrée.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="441"/>
        <source>Import actions</source>
        <translation>Importer des actions</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="442"/>
        <source>Actions are imported into a saved taskforce. Save this one now?</source>
        <translation>Les actions sont importées dans une taskforce enregistrée. Enregistrer celle-ci maintenant ?</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="471"/>
        <source>Import actions from “{file}”</source>
        <translation>Importer les actions de « {file} »</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="546"/>
        <source>Add people to the taskforce</source>
        <translation>Ajouter des personnes à la taskforce</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="549"/>
        <source>Add organisations to the taskforce</source>
        <translation>Ajouter des structures à la taskforce</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="576"/>
        <source>Taskforce meeting — {name}</source>
        <translation>Réunion de taskforce — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="14"/>
        <source>Taskforce</source>
        <translation>Taskforce</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="63"/>
        <source>This taskforce is archived: it no longer appears in the everyday lists.</source>
        <translation>Cette taskforce est archivée : elle n&apos;apparaît plus dans les listes courantes.</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="87"/>
        <source>&amp;Details</source>
        <translation>&amp;Détails</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="100"/>
        <source>&amp;Programme</source>
        <translation>Démarc&amp;he</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="113"/>
        <source>&amp;Name *</source>
        <translation>&amp;Nom *</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="126"/>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;ut</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="139"/>
        <source>S&amp;tarted on</source>
        <translation>Débutée &amp;le</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="152"/>
        <source>&amp;Ended on</source>
        <translation>&amp;Terminée le</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="188"/>
        <source>Lead &amp;organisation</source>
        <translation>&amp;Structure pilote</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="201"/>
        <source>&amp;Lead person</source>
        <translation>&amp;Chef de projet</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="214"/>
        <source>“One problem, one project”: the lead company carries the project; the agency supports it.</source>
        <translation>« Un problème, un projet » : l&apos;entreprise pilote porte le projet, l&apos;agence l&apos;accompagne.</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="224"/>
        <source>Raised b&amp;y</source>
        <translation>Soule&amp;vé par</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="246"/>
        <source>Add an organisation…</source>
        <translation>Ajouter une structure…</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="253"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="284"/>
        <source>Pro&amp;blem</source>
        <translation>Pro&amp;blème</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="301"/>
        <source>Ob&amp;jectives</source>
        <translation>Ob&amp;jectifs</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="318"/>
        <source>Success &amp;indicators</source>
        <translation>&amp;Indicateurs de réussite</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="338"/>
        <source>&amp;Roadmap</source>
        <translation>&amp;Feuille de route</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="346"/>
        <source>&amp;Add an action…</source>
        <translation>&amp;Ajouter une action…</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="353"/>
        <source>&amp;Import actions…</source>
        <translation>&amp;Importer des actions…</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="360"/>
        <source>Edi&amp;t…</source>
        <translation>M&amp;odifier…</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="367"/>
        <source>Move u&amp;p</source>
        <translation>Mon&amp;ter</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="374"/>
        <source>Move do&amp;wn</source>
        <translation>Des&amp;cendre</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="381"/>
        <source>Mark d&amp;one</source>
        <translation>Marq&amp;uer faite</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="388"/>
        <source>De&amp;lete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="413"/>
        <source>Drag lines to reorder them, or use Ctrl+Up and Ctrl+Down. Late actions are shown in red, milestones with ◆.</source>
        <translation>Faites glisser les lignes pour les réordonner, ou utilisez Ctrl+Haut et Ctrl+Bas. Les actions en retard sont en rouge, les jalons marqués ◆.</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="424"/>
        <source>&amp;Members</source>
        <translation>&amp;Membres</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="432"/>
        <source>Add &amp;people…</source>
        <translation>&amp;Ajouter des personnes…</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="439"/>
        <source>Add &amp;organisations…</source>
        <translation>Ajouter des &amp;structures…</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="510"/>
        <source>&amp;New meeting of this taskforce…</source>
        <translation>&amp;Nouvelle réunion de cette taskforce…</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="535"/>
        <source>Roadmap (PD&amp;F)</source>
        <translation>Feuille de route (&amp;PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="446"/>
        <source>as</source>
        <translation>comme</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="469"/>
        <source>Remo&amp;ve</source>
        <translation>Ret&amp;irer</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="482"/>
        <source>Meetin&amp;gs</source>
        <translation>&amp;Réunions</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="528"/>
        <source>Archi&amp;ve</source>
        <translation>Archi&amp;ver</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="555"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/taskforce_form.ui" line="562"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
</context>
<context>
    <name>TopicsDialog</name>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="670"/>
        <source>Topic</source>
        <translation>Thématique</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="670"/>
        <source>Organisations</source>
        <translation>Structures</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="670"/>
        <source>Meetings</source>
        <translation>Réunions</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="756"/>
        <source>A topic in use cannot be removed.</source>
        <translation>Une thématique utilisée ne peut pas être retirée.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="766"/>
        <source>{what}: {problem}</source>
        <translation>{what} : {problem}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/network.py" line="848"/>
        <source>%n organisation(s)</source>
        <translation>
            <numerusform>%n structure</numerusform>
            <numerusform>%n structures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/network.py" line="850"/>
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n réunion</numerusform>
            <numerusform>%n réunions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="852"/>
        <source>“{name}” cannot be removed: {used} use it. Untick it there first, or rename it if the word no longer fits.</source>
        <translation>« {name} » ne peut pas être retirée : elle est utilisée par {used}. Décochez-la d&apos;abord, ou renommez-la si le mot ne convient plus.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/network.py" line="854"/>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <location filename="../../ui/topics_dialog.ui" line="14"/>
        <source>Topics</source>
        <translation>Thématiques</translation>
    </message>
    <message>
        <location filename="../../ui/topics_dialog.ui" line="20"/>
        <source>Topics are offered in this order on organisations (expertise and needs), on meetings and in the list filters. Double-click a name to rename it: the new name shows everywhere it is used. Changes are saved at once.</source>
        <translation>Les thématiques sont proposées dans cet ordre sur les structures (expertises et besoins), les réunions et les filtres des listes. Double-cliquez sur un nom pour le renommer : le nouveau nom apparaît partout où il est utilisé. Les modifications sont enregistrées immédiatement.</translation>
    </message>
    <message>
        <location filename="../../ui/topics_dialog.ui" line="37"/>
        <source>&amp;Rename</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <location filename="../../ui/topics_dialog.ui" line="44"/>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location filename="../../ui/topics_dialog.ui" line="51"/>
        <source>Move do&amp;wn</source>
        <translation>Descen&amp;dre</translation>
    </message>
    <message>
        <location filename="../../ui/topics_dialog.ui" line="58"/>
        <source>Re&amp;move</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <location filename="../../ui/topics_dialog.ui" line="97"/>
        <source>&amp;New topic</source>
        <translation>&amp;Nouvelle thématique</translation>
    </message>
    <message>
        <location filename="../../ui/topics_dialog.ui" line="109"/>
        <source>e.g. Circular economy</source>
        <translation>ex. Économie circulaire</translation>
    </message>
    <message>
        <location filename="../../ui/topics_dialog.ui" line="119"/>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <location filename="../../resilian_desktop/qt/undo.py" line="40"/>
        <source>Archive “{label}”</source>
        <translation>Archiver « {label} »</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/undo.py" line="42"/>
        <source>Restore “{label}”</source>
        <translation>Restaurer « {label} »</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/undo.py" line="60"/>
        <source>Delete “{label}”</source>
        <translation>Supprimer « {label} »</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/undo.py" line="182"/>
        <source>Move the action “{title}”</source>
        <translation>Déplacer l&apos;action « {title} »</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/undo.py" line="204"/>
        <source>Delete the action “{title}”</source>
        <translation>Supprimer l&apos;action « {title} »</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/undo.py" line="227"/>
        <source>Remove “{name}” from the taskforce</source>
        <translation>Retirer « {name} » de la taskforce</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="33"/>
        <source>Industrial company</source>
        <translation>Entreprise industrielle</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="34"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="35"/>
        <source>Local authority</source>
        <translation>Collectivité</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="36"/>
        <source>Agency</source>
        <translation>Agence</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="37"/>
        <source>Training body</source>
        <translation>Organisme de formation</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="38"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="39"/>
        <source>Business corner</source>
        <translation>Business corner</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="40"/>
        <source>Challenge</source>
        <translation>Challenge</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="41"/>
        <source>Taskforce meeting</source>
        <translation>Réunion de taskforce</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="42"/>
        <source>Steering committee</source>
        <translation>Comité de pilotage</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="43"/>
        <source>Plenary</source>
        <translation>Plénière</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="44"/>
        <source>Site visit</source>
        <translation>Visite de site</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="45"/>
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="46"/>
        <source>Held</source>
        <translation>Tenue</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="47"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="48"/>
        <source>Emerging</source>
        <translation>Émergente</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="49"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="50"/>
        <source>On hold</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="51"/>
        <source>Closed</source>
        <translation>Clôturée</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="52"/>
        <source>Invited</source>
        <translation>Invité</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="53"/>
        <source>Registered</source>
        <translation>Inscrit</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="54"/>
        <source>Present</source>
        <translation>Présent</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="55"/>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="56"/>
        <source>Excused</source>
        <translation>Excusé</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="57"/>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="58"/>
        <source>Speaker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="59"/>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="60"/>
        <source>Organiser</source>
        <translation>Organisateur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="61"/>
        <source>Elected official</source>
        <translation>Élu</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="62"/>
        <source>Lead</source>
        <translation>Pilote</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="63"/>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="64"/>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="65"/>
        <source>Observer</source>
        <translation>Observateur</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="66"/>
        <source>Raised the problem</source>
        <translation>A soulevé le problème</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="67"/>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="68"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="69"/>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="70"/>
        <source>Blocked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="71"/>
        <source>Dropped</source>
        <translation>Abandonné</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="72"/>
        <source>Legitimate interest</source>
        <translation>Intérêt légitime</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="73"/>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="74"/>
        <source>Expertise</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="75"/>
        <source>Need</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="76"/>
        <source>No longer there</source>
        <translation>N&apos;y est plus</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="77"/>
        <source>Organisation archived</source>
        <translation>Structure archivée</translation>
    </message>
</context>
<context>
    <name>VocabularyFeminine</name>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="83"/>
        <source>Invited</source>
        <translation>Invitée</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="84"/>
        <source>Registered</source>
        <translation>Inscrite</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="85"/>
        <source>Present</source>
        <translation>Présente</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="86"/>
        <source>Absent</source>
        <translation>Absente</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="87"/>
        <source>Excused</source>
        <translation>Excusée</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="88"/>
        <source>Elected official</source>
        <translation>Élue</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="89"/>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="90"/>
        <source>Speaker</source>
        <translation>Intervenante</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/labels.py" line="91"/>
        <source>Organiser</source>
        <translation>Organisatrice</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../resilian_desktop/qt/walk_in.py" line="35"/>
        <source>Type a few letters…</source>
        <translation>Tapez quelques lettres…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/walk_in.py" line="101"/>
        <source>Already in the directory?</source>
        <translation>Déjà dans l&apos;annuaire ?</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/walk_in.py" line="104"/>
        <source>This person may already be a contact:
{matches}</source>
        <translation>Cette personne est peut-être déjà un contact :
{matches}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/walk_in.py" line="107"/>
        <source>Record {name}</source>
        <translation>Émarger {name}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/walk_in.py" line="110"/>
        <source>Create a new contact</source>
        <translation>Créer un nouveau contact</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/walk_in.py" line="126"/>
        <source>Record a walk-in</source>
        <translation>Émarger une personne non inscrite</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.ui" line="14"/>
        <source>Walk-in</source>
        <translation>Personne non inscrite</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.ui" line="20"/>
        <source>Someone came without being invited: they are added to the contacts and to this meeting.</source>
        <translation>Une personne est venue sans invitation : elle est ajoutée aux contacts et à cette réunion.</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.ui" line="45"/>
        <source>Ci&amp;vility</source>
        <translation>Ci&amp;vilité</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.ui" line="58"/>
        <source>&amp;First name *</source>
        <translation>&amp;Prénom *</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.ui" line="71"/>
        <source>&amp;Last name *</source>
        <translation>&amp;Nom *</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.ui" line="84"/>
        <source>&amp;Organisation</source>
        <translation>&amp;Structure</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.ui" line="97"/>
        <source>&amp;Job title</source>
        <translation>&amp;Fonction</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.ui" line="110"/>
        <source>&amp;Email</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.ui" line="123"/>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/walk_in_dialog.ui" line="136"/>
        <source>&amp;Recorded as</source>
        <translation>N&amp;oté comme</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../resilian_desktop/qt/welcome.py" line="44"/>
        <source>Welcome to RESILIAN Desktop</source>
        <translation>Bienvenue dans RESILIAN Desktop</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/welcome.py" line="51"/>
        <source>This database is empty. Four steps get the network going; each can be done later from the menus, and Help &gt; Guide tells the rest.</source>
        <translation>Cette base est vide. Quatre étapes lancent le réseau ; chacune peut se faire plus tard depuis les menus, et Aide &gt; Guide explique la suite.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/welcome.py" line="59"/>
        <source>Create the first &amp;programme…</source>
        <translation>Créer la première &amp;démarche…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/welcome.py" line="62"/>
        <source>Add the usual &amp;topics…</source>
        <translation>Ajouter les &amp;thématiques habituelles…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/welcome.py" line="66"/>
        <source>&amp;Import organisations and contacts…</source>
        <translation>&amp;Importer structures et contacts…</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/welcome.py" line="70"/>
        <source>Open the d&amp;emo network</source>
        <translation>Ouvrir le réseau de dé&amp;monstration</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/welcome.py" line="74"/>
        <source>The collective approach you animate (e.g. RESILIAN - Alsace du Nord): its territory, its funders with their logos, the funding mention and the operation reference printed on every attendance sheet. (Network &gt; Programmes and funders)</source>
        <translation>La démarche collective que vous animez (ex. RESILIAN - Alsace du Nord) : son territoire, ses financeurs avec leurs logos, la mention de financement et la référence d&apos;opération imprimées sur chaque feuille d&apos;émargement. (Réseau &gt; Démarches et financeurs)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/welcome.py" line="80"/>
        <source>Lean, digitalisation, training, energy…: the subjects meetings are about and companies bring or need. Rename, reorder or remove them afterwards. (Network &gt; Topics)</source>
        <translation>Lean, digitalisation, formation, énergie… : les sujets des réunions, ce que les entreprises apportent ou recherchent. Renommez-les, réordonnez-les ou retirez-les ensuite. (Réseau &gt; Thématiques)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/welcome.py" line="85"/>
        <source>Your list of companies and people, from an Excel or CSV file: the columns are recognised and every row checked before anything is written. (File &gt; Import from a spreadsheet)</source>
        <translation>Votre liste d&apos;entreprises et de personnes, depuis un fichier Excel ou CSV : les colonnes sont reconnues et chaque ligne vérifiée avant toute écriture. (Fichier &gt; Importer depuis un tableur)</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/welcome.py" line="90"/>
        <source>A fictional network of thirty companies with two years of meetings and taskforces, in a separate database: to try everything without risk.</source>
        <translation>Un réseau fictif de trente entreprises avec deux ans de réunions et de taskforces, dans une base à part : pour tout essayer sans risque.</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/welcome.py" line="115"/>
        <source>Go to the &amp;dashboard</source>
        <translation>Aller au tableau de &amp;bord</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/welcome.py" line="118"/>
        <source>Read the &amp;guide</source>
        <translation>Lire le &amp;guide</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/welcome.py" line="162"/>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
</context>
<context>
    <name>Written</name>
    <message>
        <location filename="../../resilian_desktop/qt/written.py" line="45"/>
        <source>Written: {name}</source>
        <translation>Enregistré : {name}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/written.py" line="46"/>
        <source>In the folder {folder}</source>
        <translation>Dans le dossier {folder}</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/written.py" line="50"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location filename="../../resilian_desktop/qt/written.py" line="51"/>
        <source>Show in &amp;folder</source>
        <translation>Afficher dans le &amp;dossier</translation>
    </message>
</context>
</TS>
