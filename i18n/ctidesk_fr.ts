<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AgentDetail</name>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="147"/>
        <location filename="../desktop/ui/supervisor.py" line="174"/>
        <source>Recent history</source>
        <translation>Historique récent</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="150"/>
        <source>&amp;Coach</source>
        <translation>&amp;Coacher</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="150"/>
        <source>&amp;Listen in</source>
        <translation>É&amp;couter</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="151"/>
        <source>&amp;Barge in</source>
        <translation>&amp;Intervenir</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="151"/>
        <source>&amp;Stop monitoring</source>
        <translation>&amp;Arrêter la supervision</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="187"/>
        <source>Select an agent</source>
        <translation>Sélectionnez un agent</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="193"/>
        <source>Select an agent first</source>
        <translation>Sélectionnez d&apos;abord un agent</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="199"/>
        <source>Monitored by you: %1</source>
        <translation>Supervisé par vous : %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="207"/>
        <source>Supervise by calling %1</source>
        <translation>Pour superviser, appelez le %1</translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <location filename="../desktop/qtbridge/commands.py" line="37"/>
        <location filename="../desktop/qtbridge/commands.py" line="43"/>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/qtbridge/commands.py" line="82"/>
        <source>no confirmation from the platform within %n s</source>
        <translation>
            <numerusform>aucune confirmation de la plateforme en %n seconde</numerusform>
            <numerusform>aucune confirmation de la plateforme en %n secondes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DialPad</name>
    <message>
        <location filename="../desktop/ui/panel.py" line="431"/>
        <location filename="../desktop/ui/panel.py" line="432"/>
        <source>Keypad</source>
        <translation>Clavier</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="438"/>
        <source>Key %1</source>
        <translation>Touche %1</translation>
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
        <translation>Une erreur s&apos;est produite : %1</translation>
    </message>
    <message>
        <location filename="../desktop/qtbridge/excepthook.py" line="60"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>Floor</name>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="47"/>
        <source>on hold</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="49"/>
        <source>recording</source>
        <translation>enregistrement</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>Current work</source>
        <translation>Travail en cours</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>In state</source>
        <translation>Dans l&apos;état</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="66"/>
        <source>Queues</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="66"/>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="66"/>
        <source>Work time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="122"/>
        <source>Over the not-ready threshold</source>
        <translation>Au-delà du seuil « non prêt »</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Abandoned</source>
        <translation>Abandonnés</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Answered</source>
        <translation>Répondus</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Longest wait</source>
        <translation>Attente la plus longue</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Queue</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Not ready</source>
        <translation>Non prêt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Service level</source>
        <translation>Niveau de service</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Waiting, last minutes</source>
        <translation>En attente, dernières minutes</translation>
    </message>
</context>
<context>
    <name>InteractionPanel</name>
    <message>
        <location filename="../desktop/ui/panel.py" line="43"/>
        <source>Interaction</source>
        <translation>Interaction</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="48"/>
        <source>Interaction title</source>
        <translation>Titre de l&apos;interaction</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="50"/>
        <source>Interaction state</source>
        <translation>État de l&apos;interaction</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="52"/>
        <source>Call indicators</source>
        <translation>Indicateurs d&apos;appel</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="54"/>
        <source>Queue</source>
        <translation>File d&apos;attente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="55"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="56"/>
        <source>Parties</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="57"/>
        <source>Attached data</source>
        <translation>Données jointes</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="61"/>
        <source>Note for this interaction</source>
        <translation>Note pour cette interaction</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="62"/>
        <source>A note kept with the interaction (attached data)</source>
        <translation>Une note conservée avec l&apos;interaction (données jointes)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="64"/>
        <source>Save &amp;note</source>
        <translation>Enregistrer la &amp;note</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="66"/>
        <location filename="../desktop/ui/panel.py" line="229"/>
        <location filename="../desktop/ui/panel.py" line="229"/>
        <source>Save note</source>
        <translation>Enregistrer la note</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="73"/>
        <source>Number, agent, queue or digits</source>
        <translation>Numéro, agent, file d&apos;attente ou chiffres</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="74"/>
        <source>Target number or digits</source>
        <translation>Numéro cible ou chiffres</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="82"/>
        <source>&amp;Target:</source>
        <translation>&amp;Cible :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="93"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="95"/>
        <source>Close finished work</source>
        <translation>Fermer le travail terminé</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="96"/>
        <source>The work has ended: close it when your notes are done</source>
        <translation>Le travail est terminé : fermez-le quand vos notes sont prêtes</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="103"/>
        <source>Platform message</source>
        <translation>Message de la plateforme</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="107"/>
        <source>Chat transcript</source>
        <translation>Transcription du chat</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="109"/>
        <source>Customer typing indicator</source>
        <translation>Indicateur de saisie du client</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="111"/>
        <source>Type a message and press Enter</source>
        <translation>Tapez un message et appuyez sur Entrée</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="112"/>
        <source>Chat message</source>
        <translation>Message de chat</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="121"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="123"/>
        <source>Reply text</source>
        <translation>Texte de la réponse</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="124"/>
        <source>Write your reply</source>
        <translation>Rédigez votre réponse</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="197"/>
        <source>No current work. Calls, chats and emails appear here when they are offered.</source>
        <translation>Aucun travail en cours. Les appels, chats et e-mails apparaissent ici dès qu&apos;ils vous sont proposés.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="211"/>
        <source>On hold</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="213"/>
        <source>Muted</source>
        <translation>Micro coupé</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="215"/>
        <source>● Recording</source>
        <translation>● Enregistrement</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="217"/>
        <source>Recording paused</source>
        <translation>Enregistrement suspendu</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="240"/>
        <source>Customer is typing…</source>
        <translation>Le client écrit…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="250"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="250"/>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="251"/>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="252"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="265"/>
        <source>Open %1</source>
        <translation>Ouvrir %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="268"/>
        <source>Open screen pop in %1</source>
        <translation>Ouvrir la remontée de fiche dans %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="306"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="306"/>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="59"/>
        <source>CTI Desk main window</source>
        <translation>Fenêtre principale de CTI Desk</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="63"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="69"/>
        <source>Connection status</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="72"/>
        <location filename="../desktop/ui/mainwindow.py" line="303"/>
        <location filename="../desktop/ui/mainwindow.py" line="304"/>
        <source>Agent state</source>
        <translation>Statut de l&apos;agent</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="75"/>
        <source>&amp;State:</source>
        <translation>&amp;Statut :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="78"/>
        <source>Time in state</source>
        <translation>Temps dans le statut</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="82"/>
        <source>&amp;Do not disturb</source>
        <translation>&amp;Ne pas déranger</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="83"/>
        <location filename="../desktop/ui/mainwindow.py" line="293"/>
        <location filename="../desktop/ui/mainwindow.py" line="293"/>
        <source>Do not disturb</source>
        <translation>Ne pas déranger</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="89"/>
        <source>Agent state message</source>
        <translation>Message sur le statut de l&apos;agent</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="105"/>
        <source>Current interactions</source>
        <translation>Interactions en cours</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="142"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="143"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="146"/>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="149"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="152"/>
        <source>&amp;Work</source>
        <translation>&amp;Travail</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="153"/>
        <source>Change &amp;state</source>
        <translation>Changer de &amp;statut</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="156"/>
        <source>Si&amp;lence ringing</source>
        <translation>Sonnerie en sour&amp;dine</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="159"/>
        <source>&amp;Next interaction</source>
        <translation>Interaction sui&amp;vante</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="165"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="166"/>
        <source>&amp;Supervisor view</source>
        <translation>Vue &amp;superviseur</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="169"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="170"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="173"/>
        <source>Export &amp;diagnostics…</source>
        <translation>E&amp;xporter les diagnostics…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="177"/>
        <source>&amp;About CTI Desk</source>
        <translation>À &amp;propos de CTI Desk</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="203"/>
        <location filename="../desktop/ui/mainwindow.py" line="205"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="206"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="206"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="247"/>
        <source>Export diagnostics</source>
        <translation>Exporter les diagnostics</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="247"/>
        <source>Zip files (*.zip)</source>
        <translation>Fichiers ZIP (*.zip)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="255"/>
        <source>Diagnostics saved to %1</source>
        <translation>Diagnostics enregistrés dans %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="260"/>
        <source>About CTI Desk</source>
        <translation>À propos de CTI Desk</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="260"/>
        <source>CTI Desk %1</source>
        <translation>CTI Desk %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="325"/>
        <source>DND</source>
        <translation>Ne pas déranger</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="328"/>
        <source>Your state: %1</source>
        <translation>Votre statut : %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="329"/>
        <source>CTI Desk: %1</source>
        <translation>CTI Desk : %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="339"/>
        <source>Connection: %1</source>
        <translation>Connexion : %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="346"/>
        <source>Reconnecting in %1 s</source>
        <translation>Reconnexion dans %1 s</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../desktop/ui/notifier.py" line="22"/>
        <source>Notification</source>
        <translation>Notification</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="19"/>
        <source>Connection profiles</source>
        <translation>Profils de connexion</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="21"/>
        <source>&amp;New profile</source>
        <translation>&amp;Nouveau profil</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="28"/>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="30"/>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="34"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="37"/>
        <source>Password or token</source>
        <translation>Mot de passe ou jeton</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="38"/>
        <source>unchanged; stored in the OS keyring, never in the file</source>
        <translation>inchangé ; conservé dans le trousseau du système, jamais dans le fichier</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="40"/>
        <source>Secret environment variable</source>
        <translation>Variable d&apos;environnement du secret</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="41"/>
        <source>Allow unencrypted http:// and ws:// (labs only)</source>
        <translation>Autoriser http:// et ws:// non chiffrés (laboratoires uniquement)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="43"/>
        <source>Na&amp;me:</source>
        <translation>No&amp;m :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="44"/>
        <source>&amp;Platform:</source>
        <translation>&amp;Plateforme :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="45"/>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="46"/>
        <source>Pass&amp;word:</source>
        <translation>Mot de pa&amp;sse :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="47"/>
        <source>Secret from &amp;variable:</source>
        <translation>Secret depuis la &amp;variable :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="51"/>
        <source>Save &amp;profile</source>
        <translation>&amp;Enregistrer le profil</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="56"/>
        <source>Profile message</source>
        <translation>Message du profil</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="71"/>
        <source>(provided by IT)</source>
        <translation>(fourni par l&apos;informatique)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="96"/>
        <source>Provided by IT: only the password can be set here.</source>
        <translation>Fourni par l&apos;informatique : seul le mot de passe peut être défini ici.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="132"/>
        <source>%1 must be a number</source>
        <translation>%1 doit être un nombre</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="159"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="24"/>
        <location filename="../desktop/ui/settingsdialog.py" line="25"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="30"/>
        <source>&amp;Notify me of new work</source>
        <translation>&amp;Me prévenir des nouvelles interactions</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="32"/>
        <source>&amp;Ring while work is offered</source>
        <translation>Sonner &amp;pendant qu&apos;une interaction est proposée</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="34"/>
        <source>&amp;Answer calls automatically</source>
        <translation>&amp;Répondre automatiquement aux appels</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="37"/>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="38"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="38"/>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="38"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="42"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="43"/>
        <source>The system&apos;s language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="50"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="51"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="52"/>
        <source>A new language applies the next time CTI Desk starts.</source>
        <translation>Une nouvelle langue s&apos;applique au prochain démarrage de CTI Desk.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="55"/>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="59"/>
        <source>Open a web page when work is offered. Use fields in braces: {remote}, {remote_name}, {queue}, {interaction_id}, {data.KEY}. Values are encoded; only http and https addresses are allowed.</source>
        <translation>Ouvrir une page web quand une interaction est proposée. Utilisez des champs entre accolades : {remote}, {remote_name}, {queue}, {interaction_id}, {data.KEY}. Les valeurs sont encodées ; seules les adresses http et https sont autorisées.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="65"/>
        <source>Screen-pop rules</source>
        <translation>Règles de remontée de fiche</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="66"/>
        <source>Address template</source>
        <translation>Modèle d&apos;adresse</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="66"/>
        <source>Media (empty = all)</source>
        <translation>Médias (vide = tous)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="67"/>
        <source>Open automatically</source>
        <translation>Ouvrir automatiquement</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="67"/>
        <source>Queues (empty = all)</source>
        <translation>Files d&apos;attente (vide = toutes)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="73"/>
        <source>A&amp;dd rule</source>
        <translation>&amp;Ajouter une règle</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="75"/>
        <source>&amp;Remove rule</source>
        <translation>&amp;Supprimer la règle</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="85"/>
        <source>Settings error</source>
        <translation>Erreur de paramétrage</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="89"/>
        <source>&amp;Screen pops</source>
        <translation>Remontées de &amp;fiche</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="105"/>
        <source>&amp;Keys</source>
        <translation>&amp;Touches</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="109"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="111"/>
        <location filename="../desktop/ui/settingsdialog.py" line="115"/>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="113"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="117"/>
        <source>Alert on the platform&apos;s own &amp;alerts (e.g. Enreach queue alerts)</source>
        <translation>Signaler les &amp;alertes de la plateforme (p. ex. alertes de file Enreach)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="119"/>
        <source>Agent &amp;not ready longer than:</source>
        <translation>Agent &amp;non prêt depuis plus de :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="120"/>
        <source>Queue&apos;s longest &amp;wait over:</source>
        <translation>&amp;Attente la plus longue d&apos;une file au-delà de :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="122"/>
        <source>A breach highlights the agent or queue in the supervisor view and raises one notification; further breaches within a minute join the next one.</source>
        <translation>Un dépassement met en évidence l&apos;agent ou la file dans la vue superviseur et déclenche une notification ; les suivants dans la même minute sont regroupés dans la prochaine.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="127"/>
        <source>S&amp;upervisor</source>
        <translation>S&amp;uperviseur</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="130"/>
        <source>&amp;Profiles</source>
        <translation>&amp;Profils</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="148"/>
        <source>%1 is used twice: %2 and %3</source>
        <translation>%1 est utilisé deux fois : %2 et %3</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="181"/>
        <source>row %1: media must be among: %2</source>
        <translation>ligne %1 : le média doit faire partie de : %2</translation>
    </message>
</context>
<context>
    <name>StateBar</name>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="46"/>
        <source>Agents per state</source>
        <translation>Agents par état</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="250"/>
        <source>CTI Desk – Supervisor</source>
        <translation>CTI Desk – Superviseur</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="261"/>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="267"/>
        <source>Find agent, reason, queue or team (Ctrl+F)</source>
        <translation>Chercher un agent, motif, file ou équipe (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="269"/>
        <source>Find agents</source>
        <translation>Chercher des agents</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="274"/>
        <source>Any state</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="274"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="278"/>
        <source>Any queue</source>
        <translation>Toutes les files</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="278"/>
        <source>Queue</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="280"/>
        <source>Any team</source>
        <translation>Toutes les équipes</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="280"/>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="298"/>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="325"/>
        <source>Queues</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="380"/>
        <source>%1 agents</source>
        <translation>%1 agents</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="381"/>
        <source>%1 of %2 agents</source>
        <translation>%1 agents sur %2</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="421"/>
        <source>Supervisor alert</source>
        <translation>Alerte superviseur</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="424"/>
        <source>Last update %1</source>
        <translation>Dernière mise à jour %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="466"/>
        <source>Not ready too long</source>
        <translation>Non prêt depuis trop longtemps</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="467"/>
        <source>Queue waiting too long</source>
        <translation>File en attente trop longue</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="18"/>
        <source>Not ready</source>
        <translation>Indisponible</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="18"/>
        <source>Ready</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="19"/>
        <source>After-call work</source>
        <translation>Post-traitement</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="19"/>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="20"/>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="20"/>
        <source>Do not disturb</source>
        <translation>Ne pas déranger</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="21"/>
        <source>Logged out</source>
        <translation>Session fermée</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="21"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="28"/>
        <source>Offered</source>
        <translation>Proposé</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="28"/>
        <source>Queued</source>
        <translation>En file d&apos;attente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="29"/>
        <location filename="../desktop/ui/vocabulary.py" line="56"/>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="29"/>
        <source>Dialing</source>
        <translation>Numérotation</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="30"/>
        <source>On hold</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="30"/>
        <source>Wrap-up</source>
        <translation>Post-traitement</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="31"/>
        <source>Ended</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="37"/>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="37"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="37"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="38"/>
        <source>Callback</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="38"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="38"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="43"/>
        <source>Inbound</source>
        <translation>Entrant</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="43"/>
        <source>Outbound</source>
        <translation>Sortant</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="44"/>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="50"/>
        <source>New call</source>
        <translation>Nouvel appel</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="50"/>
        <source>New chat</source>
        <translation>Nouveau chat</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="50"/>
        <source>New email</source>
        <translation>Nouvel e-mail</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="51"/>
        <source>New SMS</source>
        <translation>Nouveau SMS</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="51"/>
        <source>New callback</source>
        <translation>Nouveau rappel</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="51"/>
        <source>New work</source>
        <translation>Nouvelle interaction</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="56"/>
        <source>Connecting</source>
        <translation>Connexion en cours</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="57"/>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="57"/>
        <source>Reconnecting</source>
        <translation>Reconnexion en cours</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="58"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="68"/>
        <source>&amp;Answer</source>
        <translation>&amp;Accepter</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="69"/>
        <source>Re&amp;ject</source>
        <translation>&amp;Refuser</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="70"/>
        <source>&amp;Hang up</source>
        <translation>Ra&amp;ccrocher</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="71"/>
        <source>H&amp;old</source>
        <translation>M&amp;ettre en attente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="72"/>
        <source>&amp;Retrieve</source>
        <translation>Re&amp;prendre</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="73"/>
        <source>&amp;Mute</source>
        <translation>Couper le &amp;micro</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="74"/>
        <source>Un&amp;mute</source>
        <translation>Réactiver le micr&amp;o</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="75"/>
        <source>&amp;Transfer…</source>
        <translation>&amp;Transférer…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="76"/>
        <source>Consult trans&amp;fer…</source>
        <translation>Trans&amp;fert avec consultation…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="77"/>
        <source>Complete transfer</source>
        <translation>Terminer le transfert</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="78"/>
        <source>Co&amp;nference…</source>
        <translation>Co&amp;nférence…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="79"/>
        <source>Consult conference…</source>
        <translation>Conférence avec consultation…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="80"/>
        <source>Complete conference</source>
        <translation>Terminer la conférence</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="81"/>
        <source>Remove party…</source>
        <translation>Retirer un participant…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="82"/>
        <source>&amp;Keypad…</source>
        <translation>Pavé numéri&amp;que…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="83"/>
        <source>S&amp;wap</source>
        <translation>&amp;Basculer</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="84"/>
        <source>Mer&amp;ge</source>
        <translation>F&amp;usionner</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="85"/>
        <source>Start recording</source>
        <translation>Démarrer l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="86"/>
        <source>Stop recording</source>
        <translation>Arrêter l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="87"/>
        <source>Pause recording</source>
        <translation>Suspendre l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="88"/>
        <source>Resume recording</source>
        <translation>Reprendre l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="89"/>
        <location filename="../desktop/ui/vocabulary.py" line="95"/>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="90"/>
        <source>&amp;Invite…</source>
        <translation>&amp;Inviter…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="91"/>
        <source>&amp;Leave</source>
        <translation>&amp;Quitter la conversation</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="92"/>
        <source>&amp;End chat</source>
        <translation>Terminer le c&amp;hat</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="93"/>
        <source>&amp;Reply</source>
        <translation>Ré&amp;pondre</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="94"/>
        <source>Reply &amp;all</source>
        <translation>Répondre à to&amp;us</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="96"/>
        <source>&amp;Discard</source>
        <translation>A&amp;bandonner</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="97"/>
        <source>&amp;Done</source>
        <translation>C&amp;lôturer</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="123"/>
        <source>Transfer to (number, agent or queue):</source>
        <translation>Transférer vers (numéro, agent ou file d&apos;attente) :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="124"/>
        <source>Consult (number, agent or queue):</source>
        <translation>Consulter (numéro, agent ou file d&apos;attente) :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="125"/>
        <source>Add to conference (number or agent):</source>
        <translation>Ajouter à la conférence (numéro ou agent) :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="126"/>
        <source>Consult before conference (number or agent):</source>
        <translation>Consulter avant la conférence (numéro ou agent) :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="127"/>
        <source>Party to remove:</source>
        <translation>Participant à retirer :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="128"/>
        <source>Digits to send:</source>
        <translation>Chiffres à envoyer :</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="129"/>
        <source>Invite agent:</source>
        <translation>Inviter un agent :</translation>
    </message>
</context>
</TS>
