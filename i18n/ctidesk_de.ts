<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AgentDetail</name>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="147"/>
        <location filename="../desktop/ui/supervisor.py" line="174"/>
        <source>Recent history</source>
        <translation>Letzte Ereignisse</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="150"/>
        <source>&amp;Coach</source>
        <translation>&amp;Coachen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="150"/>
        <source>&amp;Listen in</source>
        <translation>&amp;Mithören</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="151"/>
        <source>&amp;Barge in</source>
        <translation>&amp;Aufschalten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="151"/>
        <source>&amp;Stop monitoring</source>
        <translation>Überwachung &amp;beenden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="187"/>
        <source>Select an agent</source>
        <translation>Agent auswählen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="193"/>
        <source>Select an agent first</source>
        <translation>Zuerst einen Agenten auswählen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="199"/>
        <source>Monitored by you: %1</source>
        <translation>Von Ihnen überwacht: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="207"/>
        <source>Supervise by calling %1</source>
        <translation>Zum Überwachen %1 anrufen</translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <location filename="../desktop/qtbridge/commands.py" line="37"/>
        <location filename="../desktop/qtbridge/commands.py" line="43"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/qtbridge/commands.py" line="82"/>
        <source>no confirmation from the platform within %n s</source>
        <translation>
            <numerusform>keine Bestätigung der Plattform innerhalb von %n Sekunde</numerusform>
            <numerusform>keine Bestätigung der Plattform innerhalb von %n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DialPad</name>
    <message>
        <location filename="../desktop/ui/panel.py" line="431"/>
        <location filename="../desktop/ui/panel.py" line="432"/>
        <source>Keypad</source>
        <translation>Wähltastatur</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="438"/>
        <source>Key %1</source>
        <translation>Taste %1</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../desktop/qtbridge/excepthook.py" line="55"/>
        <source>CTI Desk</source>
        <translation>CTI Desk</translation>
    </message>
    <message>
        <location filename="../desktop/qtbridge/excepthook.py" line="56"/>
        <source>Something went wrong: %1</source>
        <translation>Etwas ist schiefgelaufen: %1</translation>
    </message>
    <message>
        <location filename="../desktop/qtbridge/excepthook.py" line="60"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>Floor</name>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="47"/>
        <source>on hold</source>
        <translation>gehalten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="49"/>
        <source>recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>Current work</source>
        <translation>Aktuelle Arbeit</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>In state</source>
        <translation>Im Status</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="66"/>
        <source>Queues</source>
        <translation>Warteschlangen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="66"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="66"/>
        <source>Work time</source>
        <translation>Arbeitszeit</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="122"/>
        <source>Over the not-ready threshold</source>
        <translation>Über der Nicht-bereit-Schwelle</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Abandoned</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Answered</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Longest wait</source>
        <translation>Längste Wartezeit</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Not ready</source>
        <translation>Nicht bereit</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Service level</source>
        <translation>Servicelevel</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Waiting, last minutes</source>
        <translation>Wartend, letzte Minuten</translation>
    </message>
</context>
<context>
    <name>InteractionPanel</name>
    <message>
        <location filename="../desktop/ui/panel.py" line="43"/>
        <source>Interaction</source>
        <translation>Interaktion</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="48"/>
        <source>Interaction title</source>
        <translation>Titel der Interaktion</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="50"/>
        <source>Interaction state</source>
        <translation>Status der Interaktion</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="52"/>
        <source>Call indicators</source>
        <translation>Anrufanzeigen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="54"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="55"/>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="56"/>
        <source>Parties</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="57"/>
        <source>Attached data</source>
        <translation>Angehängte Daten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="61"/>
        <source>Note for this interaction</source>
        <translation>Notiz zu dieser Interaktion</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="62"/>
        <source>A note kept with the interaction (attached data)</source>
        <translation>Eine Notiz, die mit der Interaktion gespeichert wird (angehängte Daten)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="64"/>
        <source>Save &amp;note</source>
        <translation>&amp;Notiz speichern</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="66"/>
        <location filename="../desktop/ui/panel.py" line="229"/>
        <location filename="../desktop/ui/panel.py" line="229"/>
        <source>Save note</source>
        <translation>Notiz speichern</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="73"/>
        <source>Number, agent, queue or digits</source>
        <translation>Nummer, Agent, Warteschlange oder Ziffern</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="74"/>
        <source>Target number or digits</source>
        <translation>Zielnummer oder Ziffern</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="82"/>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="93"/>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="95"/>
        <source>Close finished work</source>
        <translation>Beendete Arbeit schließen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="96"/>
        <source>The work has ended: close it when your notes are done</source>
        <translation>Die Arbeit ist beendet: schließen, wenn die Notizen fertig sind</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="103"/>
        <source>Platform message</source>
        <translation>Meldung der Plattform</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="107"/>
        <source>Chat transcript</source>
        <translation>Chatverlauf</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="109"/>
        <source>Customer typing indicator</source>
        <translation>Anzeige „Kunde schreibt“</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="111"/>
        <source>Type a message and press Enter</source>
        <translation>Nachricht eingeben und Eingabetaste drücken</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="112"/>
        <source>Chat message</source>
        <translation>Chatnachricht</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="121"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="123"/>
        <source>Reply text</source>
        <translation>Antworttext</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="124"/>
        <source>Write your reply</source>
        <translation>Antwort verfassen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="197"/>
        <source>No current work. Calls, chats and emails appear here when they are offered.</source>
        <translation>Keine aktuelle Arbeit. Anrufe, Chats und E-Mails erscheinen hier, sobald sie angeboten werden.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="211"/>
        <source>On hold</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="213"/>
        <source>Muted</source>
        <translation>Stummgeschaltet</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="215"/>
        <source>● Recording</source>
        <translation>● Aufnahme</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="217"/>
        <source>Recording paused</source>
        <translation>Aufnahme pausiert</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="240"/>
        <source>Customer is typing…</source>
        <translation>Kunde schreibt…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="250"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="250"/>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="251"/>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="252"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="265"/>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="268"/>
        <source>Open screen pop in %1</source>
        <translation>Screen-Pop in %1 öffnen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="306"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="306"/>
        <source>Me</source>
        <translation>Ich</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="59"/>
        <source>CTI Desk main window</source>
        <translation>CTI Desk – Hauptfenster</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="63"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="69"/>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="72"/>
        <location filename="../desktop/ui/mainwindow.py" line="303"/>
        <location filename="../desktop/ui/mainwindow.py" line="304"/>
        <source>Agent state</source>
        <translation>Agentenstatus</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="75"/>
        <source>&amp;State:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="78"/>
        <source>Time in state</source>
        <translation>Zeit im Status</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="82"/>
        <source>&amp;Do not disturb</source>
        <translation>&amp;Nicht stören</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="83"/>
        <location filename="../desktop/ui/mainwindow.py" line="293"/>
        <location filename="../desktop/ui/mainwindow.py" line="293"/>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="89"/>
        <source>Agent state message</source>
        <translation>Meldung zum Agentenstatus</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="105"/>
        <source>Current interactions</source>
        <translation>Aktuelle Interaktionen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="142"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="143"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="146"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="149"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="152"/>
        <source>&amp;Work</source>
        <translation>&amp;Arbeit</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="153"/>
        <source>Change &amp;state</source>
        <translation>&amp;Status ändern</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="156"/>
        <source>Si&amp;lence ringing</source>
        <translation>Klin&amp;geln stummschalten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="159"/>
        <source>&amp;Next interaction</source>
        <translation>&amp;Nächste Interaktion</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="165"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="166"/>
        <source>&amp;Supervisor view</source>
        <translation>&amp;Supervisor-Ansicht</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="169"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="170"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="173"/>
        <source>Export &amp;diagnostics…</source>
        <translation>&amp;Diagnose exportieren…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="177"/>
        <source>&amp;About CTI Desk</source>
        <translation>Ü&amp;ber CTI Desk</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="203"/>
        <location filename="../desktop/ui/mainwindow.py" line="205"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="206"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="206"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="247"/>
        <source>Export diagnostics</source>
        <translation>Diagnose exportieren</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="247"/>
        <source>Zip files (*.zip)</source>
        <translation>ZIP-Dateien (*.zip)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="255"/>
        <source>Diagnostics saved to %1</source>
        <translation>Diagnose gespeichert unter %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="260"/>
        <source>About CTI Desk</source>
        <translation>Über CTI Desk</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="260"/>
        <source>CTI Desk %1</source>
        <translation>CTI Desk %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="325"/>
        <source>DND</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="328"/>
        <source>Your state: %1</source>
        <translation>Ihr Status: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="329"/>
        <source>CTI Desk: %1</source>
        <translation>CTI Desk: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="339"/>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="346"/>
        <source>Reconnecting in %1 s</source>
        <translation>Neue Verbindung in %1 s</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../desktop/ui/notifier.py" line="22"/>
        <source>Notification</source>
        <translation>Benachrichtigung</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="19"/>
        <source>Connection profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="21"/>
        <source>&amp;New profile</source>
        <translation>&amp;Neues Profil</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="28"/>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="30"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="34"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="37"/>
        <source>Password or token</source>
        <translation>Passwort oder Token</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="38"/>
        <source>unchanged; stored in the OS keyring, never in the file</source>
        <translation>unverändert; im Schlüsselbund des Systems gespeichert, nie in der Datei</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="40"/>
        <source>Secret environment variable</source>
        <translation>Umgebungsvariable für das Geheimnis</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="41"/>
        <source>Allow unencrypted http:// and ws:// (labs only)</source>
        <translation>Unverschlüsseltes http:// und ws:// erlauben (nur Testumgebungen)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="43"/>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="44"/>
        <source>&amp;Platform:</source>
        <translation>&amp;Plattform:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="45"/>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="46"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="47"/>
        <source>Secret from &amp;variable:</source>
        <translation>Geheimnis aus &amp;Variable:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="51"/>
        <source>Save &amp;profile</source>
        <translation>Profil &amp;speichern</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="56"/>
        <source>Profile message</source>
        <translation>Profilmeldung</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="71"/>
        <source>(provided by IT)</source>
        <translation>(von der IT bereitgestellt)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="96"/>
        <source>Provided by IT: only the password can be set here.</source>
        <translation>Von der IT bereitgestellt: hier kann nur das Passwort gesetzt werden.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="132"/>
        <source>%1 must be a number</source>
        <translation>%1 muss eine Zahl sein</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="159"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="24"/>
        <location filename="../desktop/ui/settingsdialog.py" line="25"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="30"/>
        <source>&amp;Notify me of new work</source>
        <translation>Bei neuer Arbeit &amp;benachrichtigen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="32"/>
        <source>&amp;Ring while work is offered</source>
        <translation>&amp;Klingeln, solange Arbeit angeboten wird</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="34"/>
        <source>&amp;Answer calls automatically</source>
        <translation>Anrufe automatisch an&amp;nehmen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="37"/>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="38"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="38"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="38"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="42"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="43"/>
        <source>The system&apos;s language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="50"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="51"/>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="52"/>
        <source>A new language applies the next time CTI Desk starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von CTI Desk.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="55"/>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="59"/>
        <source>Open a web page when work is offered. Use fields in braces: {remote}, {remote_name}, {queue}, {interaction_id}, {data.KEY}. Values are encoded; only http and https addresses are allowed.</source>
        <translation>Eine Webseite öffnen, wenn Arbeit angeboten wird. Felder in geschweiften Klammern verwenden: {remote}, {remote_name}, {queue}, {interaction_id}, {data.KEY}. Die Werte werden kodiert; nur http- und https-Adressen sind erlaubt.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="65"/>
        <source>Screen-pop rules</source>
        <translation>Screen-Pop-Regeln</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="66"/>
        <source>Address template</source>
        <translation>Adressvorlage</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="66"/>
        <source>Media (empty = all)</source>
        <translation>Medien (leer = alle)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="67"/>
        <source>Open automatically</source>
        <translation>Automatisch öffnen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="67"/>
        <source>Queues (empty = all)</source>
        <translation>Warteschlangen (leer = alle)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="73"/>
        <source>A&amp;dd rule</source>
        <translation>Regel &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="75"/>
        <source>&amp;Remove rule</source>
        <translation>Regel &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="85"/>
        <source>Settings error</source>
        <translation>Fehler in den Einstellungen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="89"/>
        <source>&amp;Screen pops</source>
        <translation>&amp;Screen-Pops</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="105"/>
        <source>&amp;Keys</source>
        <translation>&amp;Tasten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="109"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="111"/>
        <location filename="../desktop/ui/settingsdialog.py" line="115"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="113"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="117"/>
        <source>Alert on the platform&apos;s own &amp;alerts (e.g. Enreach queue alerts)</source>
        <translation>Bei &amp;Alarmen der Plattform melden (z. B. Enreach-Warteschlangenalarme)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="119"/>
        <source>Agent &amp;not ready longer than:</source>
        <translation>Agent länger &amp;nicht bereit als:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="120"/>
        <source>Queue&apos;s longest &amp;wait over:</source>
        <translation>Längste &amp;Wartezeit einer Warteschlange über:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="122"/>
        <source>A breach highlights the agent or queue in the supervisor view and raises one notification; further breaches within a minute join the next one.</source>
        <translation>Eine Überschreitung hebt den Agenten oder die Warteschlange in der Supervisor-Ansicht hervor und löst eine Benachrichtigung aus; weitere Überschreitungen innerhalb einer Minute kommen in die nächste.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="127"/>
        <source>S&amp;upervisor</source>
        <translation>S&amp;upervisor</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="130"/>
        <source>&amp;Profiles</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="148"/>
        <source>%1 is used twice: %2 and %3</source>
        <translation>%1 ist doppelt belegt: %2 und %3</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="181"/>
        <source>row %1: media must be among: %2</source>
        <translation>Zeile %1: erlaubte Medien sind: %2</translation>
    </message>
</context>
<context>
    <name>StateBar</name>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="46"/>
        <source>Agents per state</source>
        <translation>Agenten je Status</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="250"/>
        <source>CTI Desk – Supervisor</source>
        <translation>CTI Desk – Supervisor</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="261"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="267"/>
        <source>Find agent, reason, queue or team (Ctrl+F)</source>
        <translation>Agent, Grund, Warteschlange oder Team suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="269"/>
        <source>Find agents</source>
        <translation>Agenten suchen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="274"/>
        <source>Any state</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="274"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="278"/>
        <source>Any queue</source>
        <translation>Jede Warteschlange</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="278"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="280"/>
        <source>Any team</source>
        <translation>Jedes Team</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="280"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="298"/>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="325"/>
        <source>Queues</source>
        <translation>Warteschlangen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="380"/>
        <source>%1 agents</source>
        <translation>%1 Agenten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="381"/>
        <source>%1 of %2 agents</source>
        <translation>%1 von %2 Agenten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="421"/>
        <source>Supervisor alert</source>
        <translation>Supervisor-Alarm</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="424"/>
        <source>Last update %1</source>
        <translation>Letzte Aktualisierung %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="466"/>
        <source>Not ready too long</source>
        <translation>Zu lange nicht bereit</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="467"/>
        <source>Queue waiting too long</source>
        <translation>Warteschlange wartet zu lange</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="18"/>
        <source>Not ready</source>
        <translation>Nicht bereit</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="18"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="19"/>
        <source>After-call work</source>
        <translation>Nachbearbeitung</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="19"/>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="20"/>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="20"/>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="21"/>
        <source>Logged out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="21"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="28"/>
        <source>Offered</source>
        <translation>Angeboten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="28"/>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="29"/>
        <location filename="../desktop/ui/vocabulary.py" line="56"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="29"/>
        <source>Dialing</source>
        <translation>Wählt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="30"/>
        <source>On hold</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="30"/>
        <source>Wrap-up</source>
        <translation>Nachbearbeitung</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="31"/>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="37"/>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="37"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="37"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="38"/>
        <source>Callback</source>
        <translation>Rückruf</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="38"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="38"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="43"/>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="43"/>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="44"/>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="50"/>
        <source>New call</source>
        <translation>Neuer Anruf</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="50"/>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="50"/>
        <source>New email</source>
        <translation>Neue E-Mail</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="51"/>
        <source>New SMS</source>
        <translation>Neue SMS</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="51"/>
        <source>New callback</source>
        <translation>Neuer Rückruf</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="51"/>
        <source>New work</source>
        <translation>Neue Arbeit</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="56"/>
        <source>Connecting</source>
        <translation>Verbindung wird hergestellt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="57"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="57"/>
        <source>Reconnecting</source>
        <translation>Verbindung wird wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="58"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="68"/>
        <source>&amp;Answer</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="69"/>
        <source>Re&amp;ject</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="70"/>
        <source>&amp;Hang up</source>
        <translation>Auf&amp;legen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="71"/>
        <source>H&amp;old</source>
        <translation>&amp;Halten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="72"/>
        <source>&amp;Retrieve</source>
        <translation>&amp;Zurückholen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="73"/>
        <source>&amp;Mute</source>
        <translation>Stu&amp;mmschalten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="74"/>
        <source>Un&amp;mute</source>
        <translation>Stummschaltung a&amp;ufheben</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="75"/>
        <source>&amp;Transfer…</source>
        <translation>&amp;Weiterleiten…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="76"/>
        <source>Consult trans&amp;fer…</source>
        <translation>Weiterleiten mit &amp;Rückfrage…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="77"/>
        <source>Complete transfer</source>
        <translation>Weiterleitung abschließen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="78"/>
        <source>Co&amp;nference…</source>
        <translation>&amp;Konferenz…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="79"/>
        <source>Consult conference…</source>
        <translation>Konferenz mit Rückfrage…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="80"/>
        <source>Complete conference</source>
        <translation>Konferenz abschließen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="81"/>
        <source>Remove party…</source>
        <translation>Teilnehmer entfernen…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="82"/>
        <source>&amp;Keypad…</source>
        <translation>Wähl&amp;tastatur…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="83"/>
        <source>S&amp;wap</source>
        <translation>Mak&amp;eln</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="84"/>
        <source>Mer&amp;ge</source>
        <translation>Zusammen&amp;führen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="85"/>
        <source>Start recording</source>
        <translation>Aufnahme starten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="86"/>
        <source>Stop recording</source>
        <translation>Aufnahme beenden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="87"/>
        <source>Pause recording</source>
        <translation>Aufnahme pausieren</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="88"/>
        <source>Resume recording</source>
        <translation>Aufnahme fortsetzen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="89"/>
        <location filename="../desktop/ui/vocabulary.py" line="95"/>
        <source>&amp;Send</source>
        <translation>Sen&amp;den</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="90"/>
        <source>&amp;Invite…</source>
        <translation>&amp;Einladen…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="91"/>
        <source>&amp;Leave</source>
        <translation>&amp;Verlassen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="92"/>
        <source>&amp;End chat</source>
        <translation>&amp;Chat beenden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="93"/>
        <source>&amp;Reply</source>
        <translation>An&amp;tworten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="94"/>
        <source>Reply &amp;all</source>
        <translation>A&amp;llen antworten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="96"/>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="97"/>
        <source>&amp;Done</source>
        <translation>Fert&amp;ig</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="123"/>
        <source>Transfer to (number, agent or queue):</source>
        <translation>Weiterleiten an (Nummer, Agent oder Warteschlange):</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="124"/>
        <source>Consult (number, agent or queue):</source>
        <translation>Rückfrage bei (Nummer, Agent oder Warteschlange):</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="125"/>
        <source>Add to conference (number or agent):</source>
        <translation>Zur Konferenz hinzufügen (Nummer oder Agent):</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="126"/>
        <source>Consult before conference (number or agent):</source>
        <translation>Rückfrage vor der Konferenz (Nummer oder Agent):</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="127"/>
        <source>Party to remove:</source>
        <translation>Zu entfernender Teilnehmer:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="128"/>
        <source>Digits to send:</source>
        <translation>Zu sendende Ziffern:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="129"/>
        <source>Invite agent:</source>
        <translation>Agent einladen:</translation>
    </message>
</context>
</TS>
