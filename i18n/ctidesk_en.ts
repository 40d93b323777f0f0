<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CommandRunner</name>
    <message numerus="yes">
        <location filename="../desktop/qtbridge/commands.py" line="82"/>
        <source>no confirmation from the platform within %n s</source>
        <translation>
            <numerusform>no confirmation from the platform within %n second</numerusform>
            <numerusform>no confirmation from the platform within %n seconds</numerusform>
        </translation>
    </message>
</context>
</TS>
