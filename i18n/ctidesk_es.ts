<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AgentDetail</name>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="147"/>
        <location filename="../desktop/ui/supervisor.py" line="174"/>
        <source>Recent history</source>
        <translation>Historial reciente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="150"/>
        <source>&amp;Coach</source>
        <translation>&amp;Asesorar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="150"/>
        <source>&amp;Listen in</source>
        <translation>&amp;Escuchar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="151"/>
        <source>&amp;Barge in</source>
        <translation>&amp;Intervenir</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="151"/>
        <source>&amp;Stop monitoring</source>
        <translation>&amp;Dejar de supervisar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="187"/>
        <source>Select an agent</source>
        <translation>Seleccione un agente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="193"/>
        <source>Select an agent first</source>
        <translation>Seleccione primero un agente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="199"/>
        <source>Monitored by you: %1</source>
        <translation>Supervisado por usted: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="207"/>
        <source>Supervise by calling %1</source>
        <translation>Para supervisar, llame al %1</translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <location filename="../desktop/qtbridge/commands.py" line="37"/>
        <location filename="../desktop/qtbridge/commands.py" line="43"/>
        <source>not connected</source>
        <translation>sin conexión</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/qtbridge/commands.py" line="82"/>
        <source>no confirmation from the platform within %n s</source>
        <translation>
            <numerusform>sin confirmación de la plataforma en %n segundo</numerusform>
            <numerusform>sin confirmación de la plataforma en %n segundos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DialPad</name>
    <message>
        <location filename="../desktop/ui/panel.py" line="431"/>
        <location filename="../desktop/ui/panel.py" line="432"/>
        <source>Keypad</source>
        <translation>Teclado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="438"/>
        <source>Key %1</source>
        <translation>Tecla %1</translation>
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
        <translation>Algo salió mal: %1</translation>
    </message>
    <message>
        <location filename="../desktop/qtbridge/excepthook.py" line="60"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>Floor</name>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="47"/>
        <source>on hold</source>
        <translation>en espera</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="49"/>
        <source>recording</source>
        <translation>grabando</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>Current work</source>
        <translation>Trabajo actual</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>In state</source>
        <translation>En estado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="65"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="66"/>
        <source>Queues</source>
        <translation>Colas</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="66"/>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="66"/>
        <source>Work time</source>
        <translation>Tiempo de trabajo</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="122"/>
        <source>Over the not-ready threshold</source>
        <translation>Por encima del umbral de no disponible</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Abandoned</source>
        <translation>Abandonadas</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Answered</source>
        <translation>Atendidas</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Longest wait</source>
        <translation>Espera más larga</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="229"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Not ready</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Ready</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Service level</source>
        <translation>Nivel de servicio</translation>
    </message>
    <message>
        <location filename="../desktop/ui/floormodels.py" line="230"/>
        <source>Waiting, last minutes</source>
        <translation>En espera, últimos minutos</translation>
    </message>
</context>
<context>
    <name>InteractionPanel</name>
    <message>
        <location filename="../desktop/ui/panel.py" line="43"/>
        <source>Interaction</source>
        <translation>Interacción</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="48"/>
        <source>Interaction title</source>
        <translation>Título de la interacción</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="50"/>
        <source>Interaction state</source>
        <translation>Estado de la interacción</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="52"/>
        <source>Call indicators</source>
        <translation>Indicadores de llamada</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="54"/>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="55"/>
        <source>Direction</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="56"/>
        <source>Parties</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="57"/>
        <source>Attached data</source>
        <translation>Datos adjuntos</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="61"/>
        <source>Note for this interaction</source>
        <translation>Nota para esta interacción</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="62"/>
        <source>A note kept with the interaction (attached data)</source>
        <translation>Una nota guardada con la interacción (datos adjuntos)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="64"/>
        <source>Save &amp;note</source>
        <translation>Guardar &amp;nota</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="66"/>
        <location filename="../desktop/ui/panel.py" line="229"/>
        <location filename="../desktop/ui/panel.py" line="229"/>
        <source>Save note</source>
        <translation>Guardar nota</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="73"/>
        <source>Number, agent, queue or digits</source>
        <translation>Número, agente, cola o dígitos</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="74"/>
        <source>Target number or digits</source>
        <translation>Número de destino o dígitos</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="82"/>
        <source>&amp;Target:</source>
        <translation>&amp;Destino:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="93"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="95"/>
        <source>Close finished work</source>
        <translation>Cerrar el trabajo terminado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="96"/>
        <source>The work has ended: close it when your notes are done</source>
        <translation>El trabajo ha terminado: ciérrelo cuando termine sus notas</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="103"/>
        <source>Platform message</source>
        <translation>Mensaje de la plataforma</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="107"/>
        <source>Chat transcript</source>
        <translation>Transcripción del chat</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="109"/>
        <source>Customer typing indicator</source>
        <translation>Indicador de escritura del cliente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="111"/>
        <source>Type a message and press Enter</source>
        <translation>Escriba un mensaje y pulse Intro</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="112"/>
        <source>Chat message</source>
        <translation>Mensaje de chat</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="121"/>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="123"/>
        <source>Reply text</source>
        <translation>Texto de la respuesta</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="124"/>
        <source>Write your reply</source>
        <translation>Escriba su respuesta</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="197"/>
        <source>No current work. Calls, chats and emails appear here when they are offered.</source>
        <translation>No hay trabajo en curso. Las llamadas, los chats y los correos aparecen aquí cuando se le ofrecen.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="211"/>
        <source>On hold</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="213"/>
        <source>Muted</source>
        <translation>Silenciado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="215"/>
        <source>● Recording</source>
        <translation>● Grabando</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="217"/>
        <source>Recording paused</source>
        <translation>Grabación en pausa</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="240"/>
        <source>Customer is typing…</source>
        <translation>El cliente está escribiendo…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="250"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="250"/>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="251"/>
        <source>Cc</source>
        <translation>CC</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="252"/>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="265"/>
        <source>Open %1</source>
        <translation>Abrir %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="268"/>
        <source>Open screen pop in %1</source>
        <translation>Abrir la ficha emergente en %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="306"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/panel.py" line="306"/>
        <source>Me</source>
        <translation>Yo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="59"/>
        <source>CTI Desk main window</source>
        <translation>Ventana principal de CTI Desk</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="63"/>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="69"/>
        <source>Connection status</source>
        <translation>Estado de la conexión</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="72"/>
        <location filename="../desktop/ui/mainwindow.py" line="303"/>
        <location filename="../desktop/ui/mainwindow.py" line="304"/>
        <source>Agent state</source>
        <translation>Estado del agente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="75"/>
        <source>&amp;State:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="78"/>
        <source>Time in state</source>
        <translation>Tiempo en el estado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="82"/>
        <source>&amp;Do not disturb</source>
        <translation>&amp;No molestar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="83"/>
        <location filename="../desktop/ui/mainwindow.py" line="293"/>
        <location filename="../desktop/ui/mainwindow.py" line="293"/>
        <source>Do not disturb</source>
        <translation>No molestar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="89"/>
        <source>Agent state message</source>
        <translation>Mensaje sobre el estado del agente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="105"/>
        <source>Current interactions</source>
        <translation>Interacciones actuales</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="142"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="143"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="146"/>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="149"/>
        <source>&amp;Quit</source>
        <translation>Sa&amp;lir</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="152"/>
        <source>&amp;Work</source>
        <translation>&amp;Trabajo</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="153"/>
        <source>Change &amp;state</source>
        <translation>Cambiar &amp;estado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="156"/>
        <source>Si&amp;lence ringing</source>
        <translation>Apa&amp;gar el timbre</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="159"/>
        <source>&amp;Next interaction</source>
        <translation>Siguiente &amp;interacción</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="165"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="166"/>
        <source>&amp;Supervisor view</source>
        <translation>Vista de &amp;supervisor</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="169"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="170"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="173"/>
        <source>Export &amp;diagnostics…</source>
        <translation>E&amp;xportar diagnóstico…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="177"/>
        <source>&amp;About CTI Desk</source>
        <translation>A&amp;cerca de CTI Desk</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="203"/>
        <location filename="../desktop/ui/mainwindow.py" line="205"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="206"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="206"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="247"/>
        <source>Export diagnostics</source>
        <translation>Exportar diagnóstico</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="247"/>
        <source>Zip files (*.zip)</source>
        <translation>Archivos ZIP (*.zip)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="255"/>
        <source>Diagnostics saved to %1</source>
        <translation>Diagnóstico guardado en %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="260"/>
        <source>About CTI Desk</source>
        <translation>Acerca de CTI Desk</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="260"/>
        <source>CTI Desk %1</source>
        <translation>CTI Desk %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="325"/>
        <source>DND</source>
        <translation>No molestar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="328"/>
        <source>Your state: %1</source>
        <translation>Su estado: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="329"/>
        <source>CTI Desk: %1</source>
        <translation>CTI Desk: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="339"/>
        <source>Connection: %1</source>
        <translation>Conexión: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.py" line="346"/>
        <source>Reconnecting in %1 s</source>
        <translation>Reconectando en %1 s</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../desktop/ui/notifier.py" line="22"/>
        <source>Notification</source>
        <translation>Notificación</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="19"/>
        <source>Connection profiles</source>
        <translation>Perfiles de conexión</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="21"/>
        <source>&amp;New profile</source>
        <translation>&amp;Nuevo perfil</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="28"/>
        <source>Profile name</source>
        <translation>Nombre del perfil</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="30"/>
        <source>Platform</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="34"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="37"/>
        <source>Password or token</source>
        <translation>Contraseña o token</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="38"/>
        <source>unchanged; stored in the OS keyring, never in the file</source>
        <translation>sin cambios; se guarda en el llavero del sistema, nunca en el archivo</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="40"/>
        <source>Secret environment variable</source>
        <translation>Variable de entorno del secreto</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="41"/>
        <source>Allow unencrypted http:// and ws:// (labs only)</source>
        <translation>Permitir http:// y ws:// sin cifrar (solo laboratorios)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="43"/>
        <source>Na&amp;me:</source>
        <translation>No&amp;mbre:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="44"/>
        <source>&amp;Platform:</source>
        <translation>&amp;Plataforma:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="45"/>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="46"/>
        <source>Pass&amp;word:</source>
        <translation>Contrase&amp;ña:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="47"/>
        <source>Secret from &amp;variable:</source>
        <translation>Secreto de &amp;variable:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="51"/>
        <source>Save &amp;profile</source>
        <translation>&amp;Guardar perfil</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="56"/>
        <source>Profile message</source>
        <translation>Mensaje del perfil</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="71"/>
        <source>(provided by IT)</source>
        <translation>(proporcionado por TI)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="96"/>
        <source>Provided by IT: only the password can be set here.</source>
        <translation>Proporcionado por TI: aquí solo se puede establecer la contraseña.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="132"/>
        <source>%1 must be a number</source>
        <translation>%1 debe ser un número</translation>
    </message>
    <message>
        <location filename="../desktop/ui/profileeditor.py" line="159"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="24"/>
        <location filename="../desktop/ui/settingsdialog.py" line="25"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="30"/>
        <source>&amp;Notify me of new work</source>
        <translation>&amp;Avisarme cuando llegue trabajo</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="32"/>
        <source>&amp;Ring while work is offered</source>
        <translation>&amp;Sonar mientras se ofrece trabajo</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="34"/>
        <source>&amp;Answer calls automatically</source>
        <translation>&amp;Contestar llamadas automáticamente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="37"/>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="38"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="38"/>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="38"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="42"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="43"/>
        <source>The system&apos;s language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="50"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="51"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="52"/>
        <source>A new language applies the next time CTI Desk starts.</source>
        <translation>Un idioma nuevo se aplica la próxima vez que se inicie CTI Desk.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="55"/>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="59"/>
        <source>Open a web page when work is offered. Use fields in braces: {remote}, {remote_name}, {queue}, {interaction_id}, {data.KEY}. Values are encoded; only http and https addresses are allowed.</source>
        <translation>Abrir una página web cuando se ofrece trabajo. Use campos entre llaves: {remote}, {remote_name}, {queue}, {interaction_id}, {data.KEY}. Los valores se codifican; solo se permiten direcciones http y https.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="65"/>
        <source>Screen-pop rules</source>
        <translation>Reglas de ficha emergente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="66"/>
        <source>Address template</source>
        <translation>Plantilla de dirección</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="66"/>
        <source>Media (empty = all)</source>
        <translation>Medios (vacío = todos)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="67"/>
        <source>Open automatically</source>
        <translation>Abrir automáticamente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="67"/>
        <source>Queues (empty = all)</source>
        <translation>Colas (vacío = todas)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="73"/>
        <source>A&amp;dd rule</source>
        <translation>Aña&amp;dir regla</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="75"/>
        <source>&amp;Remove rule</source>
        <translation>&amp;Quitar regla</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="85"/>
        <source>Settings error</source>
        <translation>Error de configuración</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="89"/>
        <source>&amp;Screen pops</source>
        <translation>&amp;Fichas emergentes</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="105"/>
        <source>&amp;Keys</source>
        <translation>&amp;Teclas</translation>
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
        <translation>desactivado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="113"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="117"/>
        <source>Alert on the platform&apos;s own &amp;alerts (e.g. Enreach queue alerts)</source>
        <translation>&amp;Avisar con las alertas de la plataforma (p. ej., alertas de cola de Enreach)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="119"/>
        <source>Agent &amp;not ready longer than:</source>
        <translation>Agente &amp;no disponible más de:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="120"/>
        <source>Queue&apos;s longest &amp;wait over:</source>
        <translation>&amp;Espera más larga de una cola superior a:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="122"/>
        <source>A breach highlights the agent or queue in the supervisor view and raises one notification; further breaches within a minute join the next one.</source>
        <translation>Un incumplimiento resalta al agente o la cola en la vista de supervisor y genera una notificación; los siguientes en el mismo minuto se agrupan en la próxima.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="127"/>
        <source>S&amp;upervisor</source>
        <translation>S&amp;upervisor</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="130"/>
        <source>&amp;Profiles</source>
        <translation>&amp;Perfiles</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="148"/>
        <source>%1 is used twice: %2 and %3</source>
        <translation>%1 se usa dos veces: %2 y %3</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsdialog.py" line="181"/>
        <source>row %1: media must be among: %2</source>
        <translation>fila %1: el medio debe ser uno de: %2</translation>
    </message>
</context>
<context>
    <name>StateBar</name>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="46"/>
        <source>Agents per state</source>
        <translation>Agentes por estado</translation>
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
        <translation>Filtro</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="267"/>
        <source>Find agent, reason, queue or team (Ctrl+F)</source>
        <translation>Buscar agente, motivo, cola o equipo (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="269"/>
        <source>Find agents</source>
        <translation>Buscar agentes</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="274"/>
        <source>Any state</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="274"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="278"/>
        <source>Any queue</source>
        <translation>Cualquier cola</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="278"/>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="280"/>
        <source>Any team</source>
        <translation>Cualquier equipo</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="280"/>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="298"/>
        <source>Agents</source>
        <translation>Agentes</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="325"/>
        <source>Queues</source>
        <translation>Colas</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="380"/>
        <source>%1 agents</source>
        <translation>%1 agentes</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="381"/>
        <source>%1 of %2 agents</source>
        <translation>%1 de %2 agentes</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="421"/>
        <source>Supervisor alert</source>
        <translation>Alerta de supervisor</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="424"/>
        <source>Last update %1</source>
        <translation>Última actualización %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="466"/>
        <source>Not ready too long</source>
        <translation>Demasiado tiempo no disponible</translation>
    </message>
    <message>
        <location filename="../desktop/ui/supervisor.py" line="467"/>
        <source>Queue waiting too long</source>
        <translation>Cola con espera demasiado larga</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="18"/>
        <source>Not ready</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="18"/>
        <source>Ready</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="19"/>
        <source>After-call work</source>
        <translation>Trabajo posterior a la llamada</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="19"/>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="20"/>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="20"/>
        <source>Do not disturb</source>
        <translation>No molestar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="21"/>
        <source>Logged out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="21"/>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="28"/>
        <source>Offered</source>
        <translation>Ofrecido</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="28"/>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="29"/>
        <location filename="../desktop/ui/vocabulary.py" line="56"/>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="29"/>
        <source>Dialing</source>
        <translation>Marcando</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="30"/>
        <source>On hold</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="30"/>
        <source>Wrap-up</source>
        <translation>Cierre</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="31"/>
        <source>Ended</source>
        <translation>Finalizado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="37"/>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="37"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="37"/>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="38"/>
        <source>Callback</source>
        <translation>Devolución de llamada</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="38"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="38"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="43"/>
        <source>Inbound</source>
        <translation>Entrante</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="43"/>
        <source>Outbound</source>
        <translation>Saliente</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="44"/>
        <source>Internal</source>
        <translation>Interno</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="50"/>
        <source>New call</source>
        <translation>Nueva llamada</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="50"/>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="50"/>
        <source>New email</source>
        <translation>Nuevo correo</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="51"/>
        <source>New SMS</source>
        <translation>Nuevo SMS</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="51"/>
        <source>New callback</source>
        <translation>Nueva devolución de llamada</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="51"/>
        <source>New work</source>
        <translation>Trabajo nuevo</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="56"/>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="57"/>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="57"/>
        <source>Reconnecting</source>
        <translation>Reconectando</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="58"/>
        <source>Failed</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="68"/>
        <source>&amp;Answer</source>
        <translation>&amp;Atender</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="69"/>
        <source>Re&amp;ject</source>
        <translation>&amp;Rechazar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="70"/>
        <source>&amp;Hang up</source>
        <translation>&amp;Colgar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="71"/>
        <source>H&amp;old</source>
        <translation>Rete&amp;ner</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="72"/>
        <source>&amp;Retrieve</source>
        <translation>Recu&amp;perar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="73"/>
        <source>&amp;Mute</source>
        <translation>&amp;Silenciar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="74"/>
        <source>Un&amp;mute</source>
        <translation>&amp;Quitar silencio</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="75"/>
        <source>&amp;Transfer…</source>
        <translation>&amp;Transferir…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="76"/>
        <source>Consult trans&amp;fer…</source>
        <translation>Trans&amp;ferir con consulta…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="77"/>
        <source>Complete transfer</source>
        <translation>Completar transferencia</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="78"/>
        <source>Co&amp;nference…</source>
        <translation>C&amp;onferencia…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="79"/>
        <source>Consult conference…</source>
        <translation>Conferencia con consulta…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="80"/>
        <source>Complete conference</source>
        <translation>Completar conferencia</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="81"/>
        <source>Remove party…</source>
        <translation>Quitar participante…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="82"/>
        <source>&amp;Keypad…</source>
        <translation>Teclado nu&amp;mérico…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="83"/>
        <source>S&amp;wap</source>
        <translation>A&amp;lternar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="84"/>
        <source>Mer&amp;ge</source>
        <translation>&amp;Unir</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="85"/>
        <source>Start recording</source>
        <translation>Iniciar grabación</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="86"/>
        <source>Stop recording</source>
        <translation>Detener grabación</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="87"/>
        <source>Pause recording</source>
        <translation>Pausar grabación</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="88"/>
        <source>Resume recording</source>
        <translation>Reanudar grabación</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="89"/>
        <location filename="../desktop/ui/vocabulary.py" line="95"/>
        <source>&amp;Send</source>
        <translation>En&amp;viar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="90"/>
        <source>&amp;Invite…</source>
        <translation>I&amp;nvitar…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="91"/>
        <source>&amp;Leave</source>
        <translation>A&amp;bandonar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="92"/>
        <source>&amp;End chat</source>
        <translation>&amp;Finalizar chat</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="93"/>
        <source>&amp;Reply</source>
        <translation>Res&amp;ponder</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="94"/>
        <source>Reply &amp;all</source>
        <translation>Responder a t&amp;odos</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="96"/>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="97"/>
        <source>&amp;Done</source>
        <translation>&amp;Hecho</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="123"/>
        <source>Transfer to (number, agent or queue):</source>
        <translation>Transferir a (número, agente o cola):</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="124"/>
        <source>Consult (number, agent or queue):</source>
        <translation>Consultar a (número, agente o cola):</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="125"/>
        <source>Add to conference (number or agent):</source>
        <translation>Añadir a la conferencia (número o agente):</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="126"/>
        <source>Consult before conference (number or agent):</source>
        <translation>Consultar antes de la conferencia (número o agente):</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="127"/>
        <source>Party to remove:</source>
        <translation>Participante que quitar:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="128"/>
        <source>Digits to send:</source>
        <translation>Dígitos que enviar:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/vocabulary.py" line="129"/>
        <source>Invite agent:</source>
        <translation>Invitar a un agente:</translation>
    </message>
</context>
</TS>
