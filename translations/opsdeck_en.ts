<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuditChainVerifier</name>
    <message numerus="yes">
        <source>%n row(s), chain intact</source>
        <translation>
            <numerusform>%n row, chain intact</numerusform>
            <numerusform>%n rows, chain intact</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message numerus="yes">
        <source>restore %1:%2 (%3) over %4, cutting %n session(s)</source>
        <translation>
            <numerusform>restore %1:%2 (%3) over %4, cutting %n session</numerusform>
            <numerusform>restore %1:%2 (%3) over %4, cutting %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delete %n file(s) of %1 on %2: %3</source>
        <translation>
            <numerusform>delete %n file of %1 on %2: %3</numerusform>
            <numerusform>delete %n files of %1 on %2: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupListing</name>
    <message numerus="yes">
        <source>%n gap(s), first at %1</source>
        <translation>
            <numerusform>%n gap, first at %1</numerusform>
            <numerusform>%n gaps, first at %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupVerifier</name>
    <message numerus="yes">
        <source>%n object(s): %1</source>
        <translation>
            <numerusform>%n object: %1</numerusform>
            <numerusform>%n objects: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n data file(s) the table of contents names are missing from %1: %2</source>
        <translation>
            <numerusform>%n data file the table of contents names is missing from %1: %2</numerusform>
            <numerusform>%n data files the table of contents names are missing from %1: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>toc.dat and all %n data file(s) present</source>
        <translation>
            <numerusform>toc.dat and its %n data file present</numerusform>
            <numerusform>toc.dat and all %n data files present</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tar stops after %n entry(s): %1</source>
        <translation>
            <numerusform>tar stops after %n entry: %1</numerusform>
            <numerusform>tar stops after %n entries: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) read through to the end</source>
        <translation>
            <numerusform>%n entry read through to the end</numerusform>
            <numerusform>%n entries read through to the end</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckReport</name>
    <message numerus="yes">
        <source>%n check(s): %1 OK, %2 warning, %3 critical, %4 unknown</source>
        <translation>
            <numerusform>%n check: %1 OK, %2 warning, %3 critical, %4 unknown</numerusform>
            <numerusform>%n checks: %1 OK, %2 warning, %3 critical, %4 unknown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandBehaviour</name>
    <message numerus="yes">
        <source>%1 opens a shell %2; the %n line(s) after it run there, as &apos;%3 &apos;…&apos;&apos;</source>
        <translation>
            <numerusform>%1 opens a shell %2; the %n line after it runs there, as &apos;%3 &apos;…&apos;&apos;</numerusform>
            <numerusform>%1 opens a shell %2; the %n lines after it run there, as &apos;%3 &apos;…&apos;&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; the %n line(s) after it are typed there</source>
        <translation>
            <numerusform>%1; the %n line after it is typed there</numerusform>
            <numerusform>%1; the %n lines after it are typed there</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatabaseSession</name>
    <message numerus="yes">
        <source>terminate %n session(s) idle over %1 min (pids %2)</source>
        <translation>
            <numerusform>terminate %n session idle over %1 min (pids %2)</numerusform>
            <numerusform>terminate %n sessions idle over %1 min (pids %2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DbCommand</name>
    <message numerus="yes">
        <source>opsdeck db: nothing was terminated; to terminate these %n session(s), confirm with --confirm %1</source>
        <translation>
            <numerusform>opsdeck db: nothing was terminated; to terminate this session, confirm with --confirm %1</numerusform>
            <numerusform>opsdeck db: nothing was terminated; to terminate these %n sessions, confirm with --confirm %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Terminated %n idle session(s) in database %1.</source>
        <translation>
            <numerusform>Terminated %n idle session in database %1.</numerusform>
            <numerusform>Terminated %n idle sessions in database %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthRedis</name>
    <message numerus="yes">
        <source>master, %n replica(s) connected</source>
        <translation>
            <numerusform>master, %n replica connected</numerusform>
            <numerusform>master, %n replicas connected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s), %1 with an expiry</source>
        <translation>
            <numerusform>%n key, %1 with an expiry</numerusform>
            <numerusform>%n keys, %1 with an expiry</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostCard</name>
    <message numerus="yes">
        <source>%n failed unit(s): %1</source>
        <translation>
            <numerusform>%n failed unit: %1</numerusform>
            <numerusform>%n failed units: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostMetrics</name>
    <message numerus="yes">
        <source>%1 on %n CPU(s)</source>
        <translation>
            <numerusform>%1 on %n CPU</numerusform>
            <numerusform>%1 on %n CPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed unit(s)</source>
        <translation>
            <numerusform>%n failed unit</numerusform>
            <numerusform>%n failed units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Incident</name>
    <message numerus="yes">
        <source>… %n more line(s) …</source>
        <translation>
            <numerusform>… %n more line …</numerusform>
            <numerusform>… %n more lines …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentReport</name>
    <message numerus="yes">
        <source>%n command(s) run</source>
        <translation>
            <numerusform>%n command run</numerusform>
            <numerusform>%n commands run</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) run, %1 without success</source>
        <translation>
            <numerusform>%n command run, %1 without success</numerusform>
            <numerusform>%n commands run, %1 without success</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::AuditLog</name>
    <message numerus="yes">
        <source>Cannot write the end of audit entry %1 to %2 (%n attempt(s)): %3</source>
        <translation>
            <numerusform>Cannot write the end of audit entry %1 to %2 (%n attempt): %3</numerusform>
            <numerusform>Cannot write the end of audit entry %1 to %2 (%n attempts): %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::AuditPage</name>
    <message numerus="yes">
        <source>%n command(s) shown: the newest only; narrow the filters to see older ones.</source>
        <translation>
            <numerusform>%n command shown: the newest only; narrow the filters to see older ones.</numerusform>
            <numerusform>%n commands shown: the newest only; narrow the filters to see older ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) shown</source>
        <translation>
            <numerusform>%n command shown</numerusform>
            <numerusform>%n commands shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::BackupsPage</name>
    <message numerus="yes">
        <source>replaces every object of database %1 (%2) with the backup&apos;s and cuts its %n other session(s); what is there now is gone</source>
        <translation>
            <numerusform>replaces every object of database %1 (%2) with the backup&apos;s and cuts its %n other session; what is there now is gone</numerusform>
            <numerusform>replaces every object of database %1 (%2) with the backup&apos;s and cuts its %n other sessions; what is there now is gone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n file(s) of %1 / %2</source>
        <translation>
            <numerusform>Delete %n file of %1 / %2</numerusform>
            <numerusform>Delete %n files of %1 / %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::ContainerGroupModel</name>
    <message numerus="yes">
        <source>No project (%n)</source>
        <translation>
            <numerusform>No project (%n)</numerusform>
            <numerusform>No project (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No namespace (%n)</source>
        <translation>
            <numerusform>No namespace (%n)</numerusform>
            <numerusform>No namespace (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s); worst: %1</source>
        <translation>
            <numerusform>%n row; worst: %1</numerusform>
            <numerusform>%n rows; worst: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::ContainerSourcesModel</name>
    <message numerus="yes">
        <source>%1 (%n failing)</source>
        <translation>
            <numerusform>%1 (%n failing)</numerusform>
            <numerusform>%1 (%n failing)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ready, %n row(s)</source>
        <translation>
            <numerusform>ready, %n row</numerusform>
            <numerusform>ready, %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ready, %n row(s), updated %1</source>
        <translation>
            <numerusform>ready, %n row, updated %1</numerusform>
            <numerusform>ready, %n rows, updated %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::CredentialStore</name>
    <message numerus="yes">
        <source>the keychain service did not answer within %n second(s)</source>
        <translation>
            <numerusform>the keychain service did not answer within %n second</numerusform>
            <numerusform>the keychain service did not answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::DatabasesPage</name>
    <message numerus="yes">
        <source>No client session has been idle longer than %n minute(s).</source>
        <translation>
            <numerusform>No client session has been idle longer than %n minute.</numerusform>
            <numerusform>No client session has been idle longer than %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) would be terminated.</source>
        <translation>
            <numerusform>%n session would be terminated.</numerusform>
            <numerusform>%n sessions would be terminated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Terminate %n idle session(s) of %1</source>
        <translation>
            <numerusform>Terminate %n idle session of %1</numerusform>
            <numerusform>Terminate %n idle sessions of %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::IncidentTimelinePanel</name>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 of %n event</numerusform>
            <numerusform>%1 of %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::LiveLogSource</name>
    <message numerus="yes">
        <source>Paused: %n line(s) waiting</source>
        <translation>
            <numerusform>Paused: %n line waiting</numerusform>
            <numerusform>Paused: %n lines waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::LogPage</name>
    <message numerus="yes">
        <source>Added %n line(s) to the incident timeline.</source>
        <translation>
            <numerusform>Added %n line to the incident timeline.</numerusform>
            <numerusform>Added %n lines to the incident timeline.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::LogTab</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::LogView</name>
    <message numerus="yes">
        <source>Copied %n line(s).</source>
        <translation>
            <numerusform>Copied %n line.</numerusform>
            <numerusform>Copied %n lines.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::MorningCheckDialog</name>
    <message numerus="yes">
        <source>Running %n check(s)…</source>
        <translation>
            <numerusform>Running %n check…</numerusform>
            <numerusform>Running %n checks…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::RetentionDialog</name>
    <message numerus="yes">
        <source>the newest of each of the last %n day(s)</source>
        <translation>
            <numerusform>the newest of the last day</numerusform>
            <numerusform>the newest of each of the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest of each of the last %n week(s)</source>
        <translation>
            <numerusform>the newest of the last week</numerusform>
            <numerusform>the newest of each of the last %n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>everything younger than %n day(s)</source>
        <translation>
            <numerusform>everything younger than %n day</numerusform>
            <numerusform>everything younger than %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n File(s)…</source>
        <translation>
            <numerusform>Delete %n File…</numerusform>
            <numerusform>Delete %n Files…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::RunbookLibrary</name>
    <message numerus="yes">
        <source>%1
%n runnable step(s)</source>
        <translation>
            <numerusform>%1
%n runnable step</numerusform>
            <numerusform>%1
%n runnable steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::RunbookView</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlainSqlScan</name>
    <message numerus="yes">
        <source>%n more not listed</source>
        <translation>
            <numerusform>%n more not listed</numerusform>
            <numerusform>%n more not listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refused: the dump has %n psql meta-command(s) pg_dump does not write, the first at line %1, column %2 (%3: %4).</source>
        <translation>
            <numerusform>Refused: the dump has %n psql meta-command pg_dump does not write, at line %1, column %2 (%3: %4).</numerusform>
            <numerusform>Refused: the dump has %n psql meta-commands pg_dump does not write, the first at line %1, column %2 (%3: %4).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Retention</name>
    <message numerus="yes">
        <source>younger than %n day(s)</source>
        <translation>
            <numerusform>younger than %n day</numerusform>
            <numerusform>younger than %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunbookParser</name>
    <message numerus="yes">
        <source>repaired double-encoded UTF-8 in %n place(s)</source>
        <translation>
            <numerusform>repaired double-encoded UTF-8 in %n place</numerusform>
            <numerusform>repaired double-encoded UTF-8 in %n places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more look-alike character(s) in this block</source>
        <translation>
            <numerusform>… %n more line …</numerusform>
            <numerusform>… %n more lines …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TestRestore</name>
    <message numerus="yes">
        <source>Restored into %1 and dropped; %n biggest table(s) hold %2 rows</source>
        <translation>
            <numerusform>Restored into %1 and dropped; the biggest table holds %2 rows</numerusform>
            <numerusform>Restored into %1 and dropped; the %n biggest tables hold %2 rows</numerusform>
        </translation>
    </message>
</context>
</TS>
