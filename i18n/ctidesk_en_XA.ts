<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_XA" sourcelanguage="en">
<context>
    <name>AgentDetail</name>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="147"/>
        <location filename="../desktop/ui/supervisor.py" line="174"/>
        <source>Recent history</source>
        <translation>[Ŕéçéñţ ĥîšţöŕý Ŕéçéñţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="150"/>
        <source>&amp;Coach</source>
        <translation>[&amp;Cöáçĥ Cö]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="150"/>
        <source>&amp;Listen in</source>
        <translation>[&amp;Lîšţéñ îñ Lîšţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="151"/>
        <source>&amp;Barge in</source>
        <translation>[&amp;Báŕĝé îñ Báŕĝ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="151"/>
        <source>&amp;Stop monitoring</source>
        <translation>[&amp;Sţöþ ɱöñîţöŕîñĝ Sţöþɱö]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="187"/>
        <source>Select an agent</source>
        <translation>[Šéļéçţ áñ áĝéñţ Šéļéçţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="193"/>
        <source>Select an agent first</source>
        <translation>[Šéļéçţ áñ áĝéñţ ƒîŕšţ Šéļéçţáñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="199"/>
        <source>Monitored by you: %1</source>
        <translation>[Möñîţöŕéð ƀý ýöû: %1 Möñîţöŕé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="207"/>
        <source>Supervise by calling %1</source>
        <translation>[Šûþéŕvîšé ƀý çáļļîñĝ %1 Šûþéŕvîšé]</translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <location filename="../desktop/qtbridge/commands.py" line="37"/>
        <location filename="../desktop/qtbridge/commands.py" line="43"/>
        <source>not connected</source>
        <translation>[ñöţ çöññéçţéð ñöţçö]</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/qtbridge/commands.py" line="82"/>
        <source>no confirmation from the platform within %n s</source>
        <translation>
            <numerusform>[ñö çöñƒîŕɱáţîöñ ƒŕöɱ ţĥé þļáţƒöŕɱ ŵîţĥîñ %n š ñöçöñƒîŕɱáţîöñƒŕöɱ]</numerusform>
            <numerusform>[ñö çöñƒîŕɱáţîöñ ƒŕöɱ ţĥé þļáţƒöŕɱ ŵîţĥîñ %n š ñöçöñƒîŕɱáţîöñƒŕöɱ]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DialPad</name>
    <message>
        <location filename="../desktop/ui/panel.py" line="431"/>
        <location filename="../desktop/ui/panel.py" line="432"/>
        <source>Keypad</source>
        <translation>[Ķéýþáð Ķé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="438"/>
        <source>Key %1</source>
        <translation>[Ķéý %1 Ķé]</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../desktop/qtbridge/excepthook.py" line="55"/>
        <source>CTI Desk</source>
        <translation>[ÇŢÎ Ðéšķ ÇŢÎ]</translation>
    </message>
    <message>
        <location filename="../desktop/qtbridge/excepthook.py" line="56"/>
        <source>Something went wrong: %1</source>
        <translation>[Šöɱéţĥîñĝ ŵéñţ ŵŕöñĝ: %1 Šöɱéţĥîñĝŵ]</translation>
    </message>
    <message>
        <location filename="../desktop/qtbridge/excepthook.py" line="60"/>
        <source>Error</source>
        <translation>[Éŕŕöŕ Éŕ]</translation>
    </message>
</context>
<context>
    <name>Floor</name>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="47"/>
        <source>on hold</source>
        <translation>[öñ ĥöļð öñĥ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="49"/>
        <source>recording</source>
        <translation>[ŕéçöŕðîñĝ ŕéçö]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>Agent</source>
        <translation>[Åĝéñţ Åĝ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>Current work</source>
        <translation>[Çûŕŕéñţ ŵöŕķ Çûŕŕé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>In state</source>
        <translation>[Îñ šţáţé Îñš]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>Reason</source>
        <translation>[Ŕéášöñ Ŕé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>State</source>
        <translation>[Šţáţé Šţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="66"/>
        <source>Queues</source>
        <translation>[Ǫûéûéš Ǫû]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="66"/>
        <source>Team</source>
        <translation>[Ţéáɱ Ţé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="66"/>
        <source>Work time</source>
        <translation>[Ŵöŕķ ţîɱé Ŵöŕķ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="122"/>
        <source>Over the not-ready threshold</source>
        <translation>[Övéŕ ţĥé ñöţ-ŕéáðý ţĥŕéšĥöļð Övéŕţĥéñöţŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Abandoned</source>
        <translation>[Åƀáñðöñéð Åƀáñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Answered</source>
        <translation>[Åñšŵéŕéð Åñš]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Longest wait</source>
        <translation>[Ļöñĝéšţ ŵáîţ Ļöñĝé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Queue</source>
        <translation>[Ǫûéûé Ǫû]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Waiting</source>
        <translation>[Ŵáîţîñĝ Ŵáî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Not ready</source>
        <translation>[Ñöţ ŕéáðý Ñöţŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Ready</source>
        <translation>[Ŕéáðý Ŕé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Service level</source>
        <translation>[Šéŕvîçé ļévéļ Šéŕvî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Waiting, last minutes</source>
        <translation>[Ŵáîţîñĝ, ļášţ ɱîñûţéš Ŵáîţîñĝļ]</translation>
    </message>
</context>
<context>
    <name>InteractionPanel</name>
    <message>
        <location filename="../desktop/ui/panel.py" line="43"/>
        <source>Interaction</source>
        <translation>[Îñţéŕáçţîöñ Îñţé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="48"/>
        <source>Interaction title</source>
        <translation>[Îñţéŕáçţîöñ ţîţļé Îñţéŕáç]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="50"/>
        <source>Interaction state</source>
        <translation>[Îñţéŕáçţîöñ šţáţé Îñţéŕáç]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="52"/>
        <source>Call indicators</source>
        <translation>[Çáļļ îñðîçáţöŕš Çáļļîñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="54"/>
        <source>Queue</source>
        <translation>[Ǫûéûé Ǫû]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="55"/>
        <source>Direction</source>
        <translation>[Ðîŕéçţîöñ Ðîŕé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="56"/>
        <source>Parties</source>
        <translation>[Þáŕţîéš Þáŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="57"/>
        <source>Attached data</source>
        <translation>[Åţţáçĥéð ðáţá Åţţáç]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="61"/>
        <source>Note for this interaction</source>
        <translation>[Ñöţé ƒöŕ ţĥîš îñţéŕáçţîöñ Ñöţéƒöŕţĥî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="62"/>
        <source>A note kept with the interaction (attached data)</source>
        <translation>[Å ñöţé ķéþţ ŵîţĥ ţĥé îñţéŕáçţîöñ (áţţáçĥéð ðáţá) Åñöţéķéþţŵîţĥţĥéîñţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="64"/>
        <source>Save &amp;note</source>
        <translation>[Šávé &amp;nöţé Šávé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="66"/>
        <location filename="../desktop/ui/panel.py" line="229"/>
        <location filename="../desktop/ui/panel.py" line="229"/>
        <source>Save note</source>
        <translation>[Šávé ñöţé Šávé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="73"/>
        <source>Number, agent, queue or digits</source>
        <translation>[Ñûɱƀéŕ, áĝéñţ, ǫûéûé öŕ ðîĝîţš Ñûɱƀéŕáĝéñţǫ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="74"/>
        <source>Target number or digits</source>
        <translation>[Ţáŕĝéţ ñûɱƀéŕ öŕ ðîĝîţš Ţáŕĝéţñûɱ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="82"/>
        <source>&amp;Target:</source>
        <translation>[&amp;Táŕĝéţ: Táŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="93"/>
        <source>&amp;Close</source>
        <translation>[&amp;Cļöšé Cļ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="95"/>
        <source>Close finished work</source>
        <translation>[Çļöšé ƒîñîšĥéð ŵöŕķ Çļöšéƒîñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="96"/>
        <source>The work has ended: close it when your notes are done</source>
        <translation>[Ţĥé ŵöŕķ ĥáš éñðéð: çļöšé îţ ŵĥéñ ýöûŕ ñöţéš áŕé ðöñé Ţĥéŵöŕķĥášéñðéðçļöšéî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="103"/>
        <source>Platform message</source>
        <translation>[Þļáţƒöŕɱ ɱéššáĝé Þļáţƒö]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="107"/>
        <source>Chat transcript</source>
        <translation>[Çĥáţ ţŕáñšçŕîþţ Çĥáţţŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="109"/>
        <source>Customer typing indicator</source>
        <translation>[Çûšţöɱéŕ ţýþîñĝ îñðîçáţöŕ Çûšţöɱéŕţý]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="111"/>
        <source>Type a message and press Enter</source>
        <translation>[Ţýþé á ɱéššáĝé áñð þŕéšš Éñţéŕ Ţýþéáɱéššáĝé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="112"/>
        <source>Chat message</source>
        <translation>[Çĥáţ ɱéššáĝé Çĥáţɱ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="121"/>
        <source>Email</source>
        <translation>[Éɱáîļ Éɱ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="123"/>
        <source>Reply text</source>
        <translation>[Ŕéþļý ţéxţ Ŕéþļ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="124"/>
        <source>Write your reply</source>
        <translation>[Ŵŕîţé ýöûŕ ŕéþļý Ŵŕîţéý]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="197"/>
        <source>No current work. Calls, chats and emails appear here when they are offered.</source>
        <translation>[Ñö çûŕŕéñţ ŵöŕķ. Çáļļš, çĥáţš áñð éɱáîļš áþþéáŕ ĥéŕé ŵĥéñ ţĥéý áŕé öƒƒéŕéð. ÑöçûŕŕéñţŵöŕķÇáļļšçĥáţšáñðéɱáî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="211"/>
        <source>On hold</source>
        <translation>[Öñ ĥöļð Öñĥ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="213"/>
        <source>Muted</source>
        <translation>[Mûţéð Mû]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="215"/>
        <source>● Recording</source>
        <translation>[● Ŕéçöŕðîñĝ Ŕéçö]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="217"/>
        <source>Recording paused</source>
        <translation>[Ŕéçöŕðîñĝ þáûšéð Ŕéçöŕð]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="240"/>
        <source>Customer is typing…</source>
        <translation>[Çûšţöɱéŕ îš ţýþîñĝ… Çûšţöɱéŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="250"/>
        <source>From</source>
        <translation>[Ƒŕöɱ Ƒŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="250"/>
        <source>To</source>
        <translation>[Ţö Ţö]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="251"/>
        <source>Cc</source>
        <translation>[Çç Çç]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="252"/>
        <source>Subject</source>
        <translation>[Šûƀĵéçţ Šûƀ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="265"/>
        <source>Open %1</source>
        <translation>[Öþéñ %1 Öþé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="268"/>
        <source>Open screen pop in %1</source>
        <translation>[Öþéñ šçŕééñ þöþ îñ %1 Öþéñšçŕé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="306"/>
        <source>Customer</source>
        <translation>[Çûšţöɱéŕ Çûš]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="306"/>
        <source>Me</source>
        <translation>[Mé Mé]</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="59"/>
        <source>CTI Desk main window</source>
        <translation>[ÇŢÎ Ðéšķ ɱáîñ ŵîñðöŵ ÇŢÎÐéšķɱ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="63"/>
        <source>Agent</source>
        <translation>[Åĝéñţ Åĝ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="69"/>
        <source>Connection status</source>
        <translation>[Çöññéçţîöñ šţáţûš Çöññéçţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="72"/>
        <location filename="../desktop/ui/mainwindow.py" line="303"/>
        <location filename="../desktop/ui/mainwindow.py" line="304"/>
        <source>Agent state</source>
        <translation>[Åĝéñţ šţáţé Åĝéñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="75"/>
        <source>&amp;State:</source>
        <translation>[&amp;Sţáţé: Sţá]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="78"/>
        <source>Time in state</source>
        <translation>[Ţîɱé îñ šţáţé Ţîɱéî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="82"/>
        <source>&amp;Do not disturb</source>
        <translation>[&amp;Dö ñöţ ðîšţûŕƀ Döñöţð]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="83"/>
        <location filename="../desktop/ui/mainwindow.py" line="293"/>
        <location filename="../desktop/ui/mainwindow.py" line="293"/>
        <source>Do not disturb</source>
        <translation>[Ðö ñöţ ðîšţûŕƀ Ðöñöţð]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="89"/>
        <source>Agent state message</source>
        <translation>[Åĝéñţ šţáţé ɱéššáĝé Åĝéñţšţá]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="105"/>
        <source>Current interactions</source>
        <translation>[Çûŕŕéñţ îñţéŕáçţîöñš Çûŕŕéñţî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="142"/>
        <source>&amp;File</source>
        <translation>[&amp;Fîļé Fî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="143"/>
        <source>S&amp;ettings…</source>
        <translation>[Š&amp;eţţîñĝš… Šeţţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="146"/>
        <source>Sign &amp;out</source>
        <translation>[Šîĝñ &amp;oûţ Šîĝñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="149"/>
        <source>&amp;Quit</source>
        <translation>[&amp;Qûîţ Qû]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="152"/>
        <source>&amp;Work</source>
        <translation>[&amp;Wöŕķ Wö]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="153"/>
        <source>Change &amp;state</source>
        <translation>[Çĥáñĝé &amp;sţáţé Çĥáñĝ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="156"/>
        <source>Si&amp;lence ringing</source>
        <translation>[Šî&amp;léñçé ŕîñĝîñĝ Šîléñç]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="159"/>
        <source>&amp;Next interaction</source>
        <translation>[&amp;Néxţ îñţéŕáçţîöñ Néxţîñţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="165"/>
        <source>&amp;View</source>
        <translation>[&amp;Vîéŵ Vî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="166"/>
        <source>&amp;Supervisor view</source>
        <translation>[&amp;Sûþéŕvîšöŕ vîéŵ Sûþéŕv]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="169"/>
        <source>&amp;Help</source>
        <translation>[&amp;Héļþ Hé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="170"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>[&amp;Kéýƀöáŕð šĥöŕţçûţš Kéýƀöáŕð]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="173"/>
        <source>Export &amp;diagnostics…</source>
        <translation>[Éxþöŕţ &amp;dîáĝñöšţîçš… Éxþöŕţdî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="177"/>
        <source>&amp;About CTI Desk</source>
        <translation>[&amp;Aƀöûţ ÇŢÎ Ðéšķ AƀöûţÇ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="203"/>
        <location filename="../desktop/ui/mainwindow.py" line="205"/>
        <source>Keyboard shortcuts</source>
        <translation>[Ķéýƀöáŕð šĥöŕţçûţš Ķéýƀöáŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="206"/>
        <source>Action</source>
        <translation>[Åçţîöñ Åç]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="206"/>
        <source>Keys</source>
        <translation>[Ķéýš Ķé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="247"/>
        <source>Export diagnostics</source>
        <translation>[Éxþöŕţ ðîáĝñöšţîçš Éxþöŕţð]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="247"/>
        <source>Zip files (*.zip)</source>
        <translation>[Žîþ ƒîļéš (*.zip) Žîþƒîļé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="255"/>
        <source>Diagnostics saved to %1</source>
        <translation>[Ðîáĝñöšţîçš šávéð ţö %1 Ðîáĝñöšţî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="260"/>
        <source>About CTI Desk</source>
        <translation>[Åƀöûţ ÇŢÎ Ðéšķ ÅƀöûţÇ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="260"/>
        <source>CTI Desk %1</source>
        <translation>[ÇŢÎ Ðéšķ %1 ÇŢÎÐ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="325"/>
        <source>DND</source>
        <translation>[ÐÑÐ ÐÑ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="328"/>
        <source>Your state: %1</source>
        <translation>[Ýöûŕ šţáţé: %1 Ýöûŕšţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="329"/>
        <source>CTI Desk: %1</source>
        <translation>[ÇŢÎ Ðéšķ: %1 ÇŢÎÐé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="339"/>
        <source>Connection: %1</source>
        <translation>[Çöññéçţîöñ: %1 Çöññéç]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="346"/>
        <source>Reconnecting in %1 s</source>
        <translation>[Ŕéçöññéçţîñĝ îñ %1 š Ŕéçöññéç]</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../desktop/ui/notifier.py" line="22"/>
        <source>Notification</source>
        <translation>[Ñöţîƒîçáţîöñ Ñöţîƒ]</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="19"/>
        <source>Connection profiles</source>
        <translation>[Çöññéçţîöñ þŕöƒîļéš Çöññéçţî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="21"/>
        <source>&amp;New profile</source>
        <translation>[&amp;Néŵ þŕöƒîļé Néŵþŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="28"/>
        <source>Profile name</source>
        <translation>[Þŕöƒîļé ñáɱé Þŕöƒî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="30"/>
        <source>Platform</source>
        <translation>[Þļáţƒöŕɱ Þļá]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="34"/>
        <source>User</source>
        <translation>[Ûšéŕ Ûš]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="37"/>
        <source>Password or token</source>
        <translation>[Þáššŵöŕð öŕ ţöķéñ Þáššŵöŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="38"/>
        <source>unchanged; stored in the OS keyring, never in the file</source>
        <translation>[ûñçĥáñĝéð; šţöŕéð îñ ţĥé ÖŠ ķéýŕîñĝ, ñévéŕ îñ ţĥé ƒîļé ûñçĥáñĝéðšţöŕéðîñţĥéÖŠ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="40"/>
        <source>Secret environment variable</source>
        <translation>[Šéçŕéţ éñvîŕöñɱéñţ váŕîáƀļé Šéçŕéţéñvîŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="41"/>
        <source>Allow unencrypted http:// and ws:// (labs only)</source>
        <translation>[Åļļöŵ ûñéñçŕýþţéð ĥţţþ:// áñð ŵš:// (ļáƀš öñļý) Åļļöŵûñéñçŕýþţéðĥţţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="43"/>
        <source>Na&amp;me:</source>
        <translation>[Ñá&amp;mé: Ñá]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="44"/>
        <source>&amp;Platform:</source>
        <translation>[&amp;Pļáţƒöŕɱ: Pļáţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="45"/>
        <source>&amp;User:</source>
        <translation>[&amp;Ušéŕ: Uš]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="46"/>
        <source>Pass&amp;word:</source>
        <translation>[Þášš&amp;wöŕð: Þášš]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="47"/>
        <source>Secret from &amp;variable:</source>
        <translation>[Šéçŕéţ ƒŕöɱ &amp;váŕîáƀļé: Šéçŕéţƒŕö]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="51"/>
        <source>Save &amp;profile</source>
        <translation>[Šávé &amp;pŕöƒîļé Šávép]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="56"/>
        <source>Profile message</source>
        <translation>[Þŕöƒîļé ɱéššáĝé Þŕöƒîļ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="71"/>
        <source>(provided by IT)</source>
        <translation>[(þŕövîðéð ƀý ÎŢ) þŕövîð]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="96"/>
        <source>Provided by IT: only the password can be set here.</source>
        <translation>[Þŕövîðéð ƀý ÎŢ: öñļý ţĥé þáššŵöŕð çáñ ƀé šéţ ĥéŕé. ÞŕövîðéðƀýÎŢöñļýţĥéþ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="132"/>
        <source>%1 must be a number</source>
        <translation>[%1 ɱûšţ ƀé á ñûɱƀéŕ ɱûšţƀéáñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="159"/>
        <source>Saved.</source>
        <translation>[Šávéð. Šá]</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="24"/>
        <location filename="../desktop/ui/settingsdialog.py" line="25"/>
        <source>Settings</source>
        <translation>[Šéţţîñĝš Šéţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="30"/>
        <source>&amp;Notify me of new work</source>
        <translation>[&amp;Nöţîƒý ɱé öƒ ñéŵ ŵöŕķ Nöţîƒýɱéö]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="32"/>
        <source>&amp;Ring while work is offered</source>
        <translation>[&amp;Rîñĝ ŵĥîļé ŵöŕķ îš öƒƒéŕéð Rîñĝŵĥîļéŵö]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="34"/>
        <source>&amp;Answer calls automatically</source>
        <translation>[&amp;Añšŵéŕ çáļļš áûţöɱáţîçáļļý Añšŵéŕçáļļš]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="37"/>
        <source>Theme</source>
        <translation>[Ţĥéɱé Ţĥ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="38"/>
        <source>Dark</source>
        <translation>[Ðáŕķ Ðá]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="38"/>
        <source>Follow the system</source>
        <translation>[Ƒöļļöŵ ţĥé šýšţéɱ Ƒöļļöŵţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="38"/>
        <source>Light</source>
        <translation>[Ļîĝĥţ Ļî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="42"/>
        <source>Language</source>
        <translation>[Ļáñĝûáĝé Ļáñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="43"/>
        <source>The system&apos;s language</source>
        <translation>[Ţĥé šýšţéɱ&apos;š ļáñĝûáĝé Ţĥéšýšţé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="50"/>
        <source>&amp;Theme:</source>
        <translation>[&amp;Tĥéɱé: Tĥé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="51"/>
        <source>&amp;Language:</source>
        <translation>[&amp;Láñĝûáĝé: Láñĝ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="52"/>
        <source>A new language applies the next time CTI Desk starts.</source>
        <translation>[Å ñéŵ ļáñĝûáĝé áþþļîéš ţĥé ñéxţ ţîɱé ÇŢÎ Ðéšķ šţáŕţš. Åñéŵļáñĝûáĝéáþþļîéšţĥ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="55"/>
        <source>&amp;General</source>
        <translation>[&amp;Géñéŕáļ Géñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="59"/>
        <source>Open a web page when work is offered. Use fields in braces: {remote}, {remote_name}, {queue}, {interaction_id}, {data.KEY}. Values are encoded; only http and https addresses are allowed.</source>
        <translation>[Öþéñ á ŵéƀ þáĝé ŵĥéñ ŵöŕķ îš öƒƒéŕéð. Ûšé ƒîéļðš îñ ƀŕáçéš: {remote}, {remote_name}, {queue}, {interaction_id}, {data.KEY}. Váļûéš áŕé éñçöðéð; öñļý ĥţţþ áñð ĥţţþš áððŕéššéš áŕé áļļöŵéð. ÖþéñáŵéƀþáĝéŵĥéñŵöŕķîšöƒƒéŕéðÛšéƒîéļðšîñƀŕáçéšVáļûéšáŕééñçöðéðöñļýĥţţþáñðĥ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="65"/>
        <source>Screen-pop rules</source>
        <translation>[Šçŕééñ-þöþ ŕûļéš Šçŕééñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="66"/>
        <source>Address template</source>
        <translation>[Åððŕéšš ţéɱþļáţé Åððŕéš]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="66"/>
        <source>Media (empty = all)</source>
        <translation>[Méðîá (éɱþţý = áļļ) Méðîáéɱþ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="67"/>
        <source>Open automatically</source>
        <translation>[Öþéñ áûţöɱáţîçáļļý Öþéñáûţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="67"/>
        <source>Queues (empty = all)</source>
        <translation>[Ǫûéûéš (éɱþţý = áļļ) Ǫûéûéšéɱ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="73"/>
        <source>A&amp;dd rule</source>
        <translation>[Å&amp;dð ŕûļé Ådðŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="75"/>
        <source>&amp;Remove rule</source>
        <translation>[&amp;Réɱövé ŕûļé Réɱöv]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="85"/>
        <source>Settings error</source>
        <translation>[Šéţţîñĝš éŕŕöŕ Šéţţîñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="89"/>
        <source>&amp;Screen pops</source>
        <translation>[&amp;Sçŕééñ þöþš Sçŕéé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="105"/>
        <source>&amp;Keys</source>
        <translation>[&amp;Kéýš Ké]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="109"/>
        <source> min</source>
        <translation>[ ɱîñ ɱî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="111"/>
        <location filename="../desktop/ui/settingsdialog.py" line="115"/>
        <source>off</source>
        <translation>[öƒƒ öƒ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="113"/>
        <source> s</source>
        <translation>[ š šš]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="117"/>
        <source>Alert on the platform&apos;s own &amp;alerts (e.g. Enreach queue alerts)</source>
        <translation>[Åļéŕţ öñ ţĥé þļáţƒöŕɱ&apos;š öŵñ &amp;aļéŕţš (é.ĝ. Éñŕéáçĥ ǫûéûé áļéŕţš) Åļéŕţöñţĥéþļáţƒöŕɱšöŵñaļé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="119"/>
        <source>Agent &amp;not ready longer than:</source>
        <translation>[Åĝéñţ &amp;nöţ ŕéáðý ļöñĝéŕ ţĥáñ: Åĝéñţnöţŕéáð]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="120"/>
        <source>Queue&apos;s longest &amp;wait over:</source>
        <translation>[Ǫûéûé&apos;š ļöñĝéšţ &amp;wáîţ övéŕ: Ǫûéûéšļöñĝé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="122"/>
        <source>A breach highlights the agent or queue in the supervisor view and raises one notification; further breaches within a minute join the next one.</source>
        <translation>[Å ƀŕéáçĥ ĥîĝĥļîĝĥţš ţĥé áĝéñţ öŕ ǫûéûé îñ ţĥé šûþéŕvîšöŕ vîéŵ áñð ŕáîšéš öñé ñöţîƒîçáţîöñ; ƒûŕţĥéŕ ƀŕéáçĥéš ŵîţĥîñ á ɱîñûţé ĵöîñ ţĥé ñéxţ öñé. Åƀŕéáçĥĥîĝĥļîĝĥţšţĥéáĝéñţöŕǫûéûéîñţĥéšûþéŕvîšöŕvîéŵáñðŕáî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="127"/>
        <source>S&amp;upervisor</source>
        <translation>[Š&amp;uþéŕvîšöŕ Šuþé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="130"/>
        <source>&amp;Profiles</source>
        <translation>[&amp;Pŕöƒîļéš Pŕöƒ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="148"/>
        <source>%1 is used twice: %2 and %3</source>
        <translation>[%1 îš ûšéð ţŵîçé: %2 áñð %3 îšûšéðţŵîçé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="181"/>
        <source>row %1: media must be among: %2</source>
        <translation>[ŕöŵ %1: ɱéðîá ɱûšţ ƀé áɱöñĝ: %2 ŕöŵɱéðîáɱûšţ]</translation>
    </message>
</context>
<context>
    <name>StateBar</name>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="46"/>
        <source>Agents per state</source>
        <translation>[Åĝéñţš þéŕ šţáţé Åĝéñţš]</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="250"/>
        <source>CTI Desk – Supervisor</source>
        <translation>[ÇŢÎ Ðéšķ – Šûþéŕvîšöŕ ÇŢÎÐéšķŠ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="261"/>
        <source>Filter</source>
        <translation>[Ƒîļţéŕ Ƒî]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="267"/>
        <source>Find agent, reason, queue or team (Ctrl+F)</source>
        <translation>[Ƒîñð áĝéñţ, ŕéášöñ, ǫûéûé öŕ ţéáɱ (Çţŕļ+Ƒ) Ƒîñðáĝéñţŕéášöñǫû]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="269"/>
        <source>Find agents</source>
        <translation>[Ƒîñð áĝéñţš Ƒîñð]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="274"/>
        <source>Any state</source>
        <translation>[Åñý šţáţé Åñýš]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="274"/>
        <source>State</source>
        <translation>[Šţáţé Šţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="278"/>
        <source>Any queue</source>
        <translation>[Åñý ǫûéûé Åñýǫ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="278"/>
        <source>Queue</source>
        <translation>[Ǫûéûé Ǫû]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="280"/>
        <source>Any team</source>
        <translation>[Åñý ţéáɱ Åñý]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="280"/>
        <source>Team</source>
        <translation>[Ţéáɱ Ţé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="298"/>
        <source>Agents</source>
        <translation>[Åĝéñţš Åĝ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="325"/>
        <source>Queues</source>
        <translation>[Ǫûéûéš Ǫû]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="380"/>
        <source>%1 agents</source>
        <translation>[%1 áĝéñţš áĝéñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="381"/>
        <source>%1 of %2 agents</source>
        <translation>[%1 öƒ %2 áĝéñţš öƒáĝéñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="421"/>
        <source>Supervisor alert</source>
        <translation>[Šûþéŕvîšöŕ áļéŕţ Šûþéŕv]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="424"/>
        <source>Last update %1</source>
        <translation>[Ļášţ ûþðáţé %1 Ļášţûþ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="466"/>
        <source>Not ready too long</source>
        <translation>[Ñöţ ŕéáðý ţöö ļöñĝ Ñöţŕéáð]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="467"/>
        <source>Queue waiting too long</source>
        <translation>[Ǫûéûé ŵáîţîñĝ ţöö ļöñĝ Ǫûéûéŵáîţ]</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="18"/>
        <source>Not ready</source>
        <translation>[Ñöţ ŕéáðý Ñöţŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="18"/>
        <source>Ready</source>
        <translation>[Ŕéáðý Ŕé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="19"/>
        <source>After-call work</source>
        <translation>[Åƒţéŕ-çáļļ ŵöŕķ Åƒţéŕç]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="19"/>
        <source>Busy</source>
        <translation>[Ɓûšý Ɓû]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="20"/>
        <source>Away</source>
        <translation>[Åŵáý Åŵ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="20"/>
        <source>Do not disturb</source>
        <translation>[Ðö ñöţ ðîšţûŕƀ Ðöñöţð]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="21"/>
        <source>Logged out</source>
        <translation>[Ļöĝĝéð öûţ Ļöĝĝ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="21"/>
        <source>Unknown</source>
        <translation>[Ûñķñöŵñ Ûñķ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="28"/>
        <source>Offered</source>
        <translation>[Öƒƒéŕéð Öƒƒ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="28"/>
        <source>Queued</source>
        <translation>[Ǫûéûéð Ǫû]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="29"/>
        <location filename="../desktop/ui/vocabulary.py" line="56"/>
        <source>Connected</source>
        <translation>[Çöññéçţéð Çöññ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="29"/>
        <source>Dialing</source>
        <translation>[Ðîáļîñĝ Ðîá]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="30"/>
        <source>On hold</source>
        <translation>[Öñ ĥöļð Öñĥ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="30"/>
        <source>Wrap-up</source>
        <translation>[Ŵŕáþ-ûþ Ŵŕá]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="31"/>
        <source>Ended</source>
        <translation>[Éñðéð Éñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="37"/>
        <source>Call</source>
        <translation>[Çáļļ Çá]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="37"/>
        <source>Chat</source>
        <translation>[Çĥáţ Çĥ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="37"/>
        <source>Email</source>
        <translation>[Éɱáîļ Éɱ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="38"/>
        <source>Callback</source>
        <translation>[Çáļļƀáçķ Çáļ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="38"/>
        <source>Other</source>
        <translation>[Öţĥéŕ Öţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="38"/>
        <source>SMS</source>
        <translation>[ŠMŠ ŠM]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="43"/>
        <source>Inbound</source>
        <translation>[Îñƀöûñð Îñƀ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="43"/>
        <source>Outbound</source>
        <translation>[Öûţƀöûñð Öûţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="44"/>
        <source>Internal</source>
        <translation>[Îñţéŕñáļ Îñţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="50"/>
        <source>New call</source>
        <translation>[Ñéŵ çáļļ Ñéŵ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="50"/>
        <source>New chat</source>
        <translation>[Ñéŵ çĥáţ Ñéŵ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="50"/>
        <source>New email</source>
        <translation>[Ñéŵ éɱáîļ Ñéŵé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="51"/>
        <source>New SMS</source>
        <translation>[Ñéŵ ŠMŠ Ñéŵ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="51"/>
        <source>New callback</source>
        <translation>[Ñéŵ çáļļƀáçķ Ñéŵçá]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="51"/>
        <source>New work</source>
        <translation>[Ñéŵ ŵöŕķ Ñéŵ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="56"/>
        <source>Connecting</source>
        <translation>[Çöññéçţîñĝ Çöññ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="57"/>
        <source>Disconnected</source>
        <translation>[Ðîšçöññéçţéð Ðîšçö]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="57"/>
        <source>Reconnecting</source>
        <translation>[Ŕéçöññéçţîñĝ Ŕéçöñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="58"/>
        <source>Failed</source>
        <translation>[Ƒáîļéð Ƒá]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="68"/>
        <source>&amp;Answer</source>
        <translation>[&amp;Añšŵéŕ Añš]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="69"/>
        <source>Re&amp;ject</source>
        <translation>[Ŕé&amp;jéçţ Ŕéj]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="70"/>
        <source>&amp;Hang up</source>
        <translation>[&amp;Háñĝ ûþ Háñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="71"/>
        <source>H&amp;old</source>
        <translation>[Ĥ&amp;oļð Ĥo]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="72"/>
        <source>&amp;Retrieve</source>
        <translation>[&amp;Réţŕîévé Réţŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="73"/>
        <source>&amp;Mute</source>
        <translation>[&amp;Mûţé Mû]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="74"/>
        <source>Un&amp;mute</source>
        <translation>[Ûñ&amp;mûţé Ûñm]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="75"/>
        <source>&amp;Transfer…</source>
        <translation>[&amp;Tŕáñšƒéŕ… Tŕáñ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="76"/>
        <source>Consult trans&amp;fer…</source>
        <translation>[Çöñšûļţ ţŕáñš&amp;féŕ… Çöñšûļţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="77"/>
        <source>Complete transfer</source>
        <translation>[Çöɱþļéţé ţŕáñšƒéŕ Çöɱþļéţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="78"/>
        <source>Co&amp;nference…</source>
        <translation>[Çö&amp;nƒéŕéñçé… Çönƒé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="79"/>
        <source>Consult conference…</source>
        <translation>[Çöñšûļţ çöñƒéŕéñçé… Çöñšûļţç]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="80"/>
        <source>Complete conference</source>
        <translation>[Çöɱþļéţé çöñƒéŕéñçé Çöɱþļéţé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="81"/>
        <source>Remove party…</source>
        <translation>[Ŕéɱövé þáŕţý… Ŕéɱöv]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="82"/>
        <source>&amp;Keypad…</source>
        <translation>[&amp;Kéýþáð… Kéý]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="83"/>
        <source>S&amp;wap</source>
        <translation>[Š&amp;wáþ Šw]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="84"/>
        <source>Mer&amp;ge</source>
        <translation>[Méŕ&amp;gé Mé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="85"/>
        <source>Start recording</source>
        <translation>[Šţáŕţ ŕéçöŕðîñĝ Šţáŕţŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="86"/>
        <source>Stop recording</source>
        <translation>[Šţöþ ŕéçöŕðîñĝ Šţöþŕé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="87"/>
        <source>Pause recording</source>
        <translation>[Þáûšé ŕéçöŕðîñĝ Þáûšéŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="88"/>
        <source>Resume recording</source>
        <translation>[Ŕéšûɱé ŕéçöŕðîñĝ Ŕéšûɱé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="89"/>
        <location filename="../desktop/ui/vocabulary.py" line="95"/>
        <source>&amp;Send</source>
        <translation>[&amp;Séñð Sé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="90"/>
        <source>&amp;Invite…</source>
        <translation>[&amp;Iñvîţé… Iñv]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="91"/>
        <source>&amp;Leave</source>
        <translation>[&amp;Léávé Lé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="92"/>
        <source>&amp;End chat</source>
        <translation>[&amp;Eñð çĥáţ Eñðç]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="93"/>
        <source>&amp;Reply</source>
        <translation>[&amp;Réþļý Ré]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="94"/>
        <source>Reply &amp;all</source>
        <translation>[Ŕéþļý &amp;aļļ Ŕéþļ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="96"/>
        <source>&amp;Discard</source>
        <translation>[&amp;Dîšçáŕð Dîš]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="97"/>
        <source>&amp;Done</source>
        <translation>[&amp;Döñé Dö]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="123"/>
        <source>Transfer to (number, agent or queue):</source>
        <translation>[Ţŕáñšƒéŕ ţö (ñûɱƀéŕ, áĝéñţ öŕ ǫûéûé): Ţŕáñšƒéŕţöñûɱƀé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="124"/>
        <source>Consult (number, agent or queue):</source>
        <translation>[Çöñšûļţ (ñûɱƀéŕ, áĝéñţ öŕ ǫûéûé): Çöñšûļţñûɱƀéŕ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="125"/>
        <source>Add to conference (number or agent):</source>
        <translation>[Åðð ţö çöñƒéŕéñçé (ñûɱƀéŕ öŕ áĝéñţ): Åððţöçöñƒéŕéñç]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="126"/>
        <source>Consult before conference (number or agent):</source>
        <translation>[Çöñšûļţ ƀéƒöŕé çöñƒéŕéñçé (ñûɱƀéŕ öŕ áĝéñţ): Çöñšûļţƀéƒöŕéçöñƒé]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="127"/>
        <source>Party to remove:</source>
        <translation>[Þáŕţý ţö ŕéɱövé: Þáŕţýţ]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="128"/>
        <source>Digits to send:</source>
        <translation>[Ðîĝîţš ţö šéñð: Ðîĝîţš]</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="129"/>
        <source>Invite agent:</source>
        <translation>[Îñvîţé áĝéñţ: Îñvîţ]</translation>
    </message>
</context>
</TS>
