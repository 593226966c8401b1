<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>ContactForm</name>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/contact_form.py" line="238"/>
        <source>%n taskforce(s)</source>
        <translation>
            <numerusform>%n taskforce</numerusform>
            <numerusform>%n taskforces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="646"/>
        <source>%n row(s) read</source>
        <translation>
            <numerusform>%n row read</numerusform>
            <numerusform>%n rows read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="647"/>
        <source>%n with problems</source>
        <translation>
            <numerusform>%n with problems</numerusform>
            <numerusform>%n with problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="689"/>
        <source>Nothing was imported: %n problem(s).</source>
        <translation>
            <numerusform>Nothing was imported: %n problem.</numerusform>
            <numerusform>Nothing was imported: %n problems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/import_dialog.py" line="715"/>
        <source>%n added to the meeting.</source>
        <translation>
            <numerusform>%n added to the meeting.</numerusform>
            <numerusform>%n added to the meeting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InactiveContactsDialog</name>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/safety.py" line="175"/>
        <source>%n contact(s) with no activity for three years: keep them if the relation goes on, otherwise archive or erase them. Double-click to open.</source>
        <translation>
            <numerusform>%n contact with no activity for three years: keep them if the relation goes on, otherwise archive or erase them. Double-click to open.</numerusform>
            <numerusform>%n contacts with no activity for three years: keep them if the relation goes on, otherwise archive or erase them. Double-click to open.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/list_page.py" line="270"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="543"/>
        <source>Mark %n person(s) as {status}</source>
        <translation>
            <numerusform>Mark %n person as {status}</numerusform>
            <numerusform>Mark %n people as {status}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="633"/>
        <source>%n person(s) on the list excused themselves. Print them on the sheet to sign as well?</source>
        <translation>
            <numerusform>%n person on the list excused themselves. Print them on the sheet to sign as well?</numerusform>
            <numerusform>%n people on the list excused themselves. Print them on the sheet to sign as well?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/meeting_form.py" line="675"/>
        <source>Remove %n person(s) from the list</source>
        <translation>
            <numerusform>Remove %n person from the list</numerusform>
            <numerusform>Remove %n people from the list</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="261"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="279"/>
        <source>%n taskforce(s)</source>
        <translation>
            <numerusform>%n taskforce</numerusform>
            <numerusform>%n taskforces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="284"/>
        <source>&amp;Contacts (%n)</source>
        <translation>
            <numerusform>&amp;Contacts (%n)</numerusform>
            <numerusform>&amp;Contacts (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/organisation_form.py" line="312"/>
        <source>Pro&amp;grammes (%n)</source>
        <translation>
            <numerusform>Pro&amp;grammes (%n)</numerusform>
            <numerusform>Pro&amp;grammes (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/pdf_preview.py" line="140"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgrammesDialog</name>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/network.py" line="534"/>
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
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
            <numerusform>%n member organisation</numerusform>
            <numerusform>%n member organisations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProofPanel</name>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/meeting_proofs.py" line="136"/>
        <source>Checks before the sheet goes out: %n problem(s) a controller would reject</source>
        <translation>
            <numerusform>Checks before the sheet goes out: %n problem a controller would reject</numerusform>
            <numerusform>Checks before the sheet goes out: %n problems a controller would reject</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordPickerDialog</name>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/pickers.py" line="353"/>
        <source>%n found</source>
        <translation>
            <numerusform>%n found</numerusform>
            <numerusform>%n found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/pickers.py" line="359"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
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
</context>
<context>
    <name>RecordsDialog</name>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/dashboard.py" line="199"/>
        <source>%n record(s), from {start} to {end}</source>
        <translation>
            <numerusform>%n record, from {start} to {end}</numerusform>
            <numerusform>%n records, from {start} to {end}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskforceForm</name>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="345"/>
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="356"/>
        <source>&amp;Roadmap (%n)</source>
        <translation>
            <numerusform>&amp;Roadmap (%n)</numerusform>
            <numerusform>&amp;Roadmap (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/taskforce_form.py" line="360"/>
        <source>&amp;Members (%n)</source>
        <translation>
            <numerusform>&amp;Members (%n)</numerusform>
            <numerusform>&amp;Members (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TopicsDialog</name>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/network.py" line="848"/>
        <source>%n organisation(s)</source>
        <translation>
            <numerusform>%n organisation</numerusform>
            <numerusform>%n organisations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../resilian_desktop/qt/network.py" line="850"/>
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
</context>
</TS>
