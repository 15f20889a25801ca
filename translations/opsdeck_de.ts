<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActionGate</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not run: this needs confirming as %1 first (%2).</source>
        <translation>Nicht ausgeführt: Dies muss zuerst als %1 bestätigt werden (%2).</translation>
    </message>
    <message>
        <source>Not run: this can destroy data on %1; its name must be typed to confirm (%2).</source>
        <translation>Nicht ausgeführt: Dies kann Daten auf %1 zerstören; zur Bestätigung muss sein Name eingegeben werden (%2).</translation>
    </message>
    <message>
        <source>Not run: &quot;%1&quot; is not a known kind of action.</source>
        <translation>Nicht ausgeführt: „%1“ ist keine bekannte Art von Aktion.</translation>
    </message>
    <message>
        <source>Not run: the action &quot;%1&quot; names no target.</source>
        <translation>Nicht ausgeführt: Die Aktion „%1“ nennt kein Ziel.</translation>
    </message>
    <message>
        <source>%1 is a %2 action</source>
        <translation>%1 ist eine Aktion der Stufe %2</translation>
    </message>
    <message>
        <source>Not run: the audit log cannot be written (%1).</source>
        <translation>Nicht ausgeführt: Das Prüfprotokoll kann nicht geschrieben werden (%1).</translation>
    </message>
</context>
<context>
    <name>AlertmanagerClient</name>
    <message>
        <source>the answer is not JSON (%1 at byte %2)</source>
        <translation>die Antwort ist kein JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <source>the answer is not a JSON list</source>
        <translation>die Antwort ist keine JSON-Liste</translation>
    </message>
    <message>
        <source>%1: no answer within %2 ms</source>
        <translation>%1: keine Antwort innerhalb von %2 ms</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: HTTP %2: %3</source>
        <translation>%1: HTTP %2: %3</translation>
    </message>
    <message>
        <source>Not run: the Alertmanager client is gone.</source>
        <translation>Nicht ausgeführt: Der Alertmanager-Client ist nicht mehr da.</translation>
    </message>
    <message>
        <source>%1: the answer names no silence id</source>
        <translation>%1: Die Antwort nennt keine Stummschaltungs-ID</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>stummgeschaltet</translation>
    </message>
    <message>
        <source>inhibited</source>
        <translation>unterdrückt</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>ausgelöst</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>Matchers</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginnt</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> auf %1</translation>
    </message>
    <message>
        <source>, firing for %1 min</source>
        <translation>, aktiv seit %1 min</translation>
    </message>
    <message>
        <source>, silenced</source>
        <translation>, stummgeschaltet</translation>
    </message>
    <message>
        <source>, inhibited</source>
        <translation>, unterdrückt</translation>
    </message>
    <message>
        <source>no alerts firing</source>
        <translation>keine aktiven Alarme</translation>
    </message>
    <message>
        <source>%1 firing, %2 silenced or inhibited</source>
        <translation>%1 aktiv, %2 stummgeschaltet oder unterdrückt</translation>
    </message>
</context>
<context>
    <name>AuditChainVerifier</name>
    <message numerus="yes">
        <source>%n row(s), chain intact</source>
        <translation>
            <numerusform>%n Zeile, Kette intakt</numerusform>
            <numerusform>%n Zeilen, Kette intakt</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the audit log from %1: %2</source>
        <translation>Das Prüfprotokoll kann nicht aus %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>Row %1 was edited: its completion record was removed (the completion records jump from %2 to %3).</source>
        <translation>Zeile %1 wurde bearbeitet: Ihr Abschlusseintrag wurde entfernt (die Abschlusseinträge springen von %2 auf %3).</translation>
    </message>
    <message>
        <source>Completion records were removed (they jump from %1 to %2): a row shown as running was finished.</source>
        <translation>Abschlusseinträge wurden entfernt (sie springen von %1 auf %2): Eine als laufend angezeigte Zeile war bereits abgeschlossen.</translation>
    </message>
    <message>
        <source>Row %1 was edited: its completion record %2 does not follow record %3, so completion records were removed, inserted or reordered.</source>
        <translation>Zeile %1 wurde bearbeitet: Ihr Abschlusseintrag %2 folgt nicht auf Eintrag %3, also wurden Abschlusseinträge entfernt, eingefügt oder umsortiert.</translation>
    </message>
    <message>
        <source>Row %1 was edited: its completion record %2 does not match its hash.</source>
        <translation>Zeile %1 wurde bearbeitet: Ihr Abschlusseintrag %2 passt nicht zu seinem Hash.</translation>
    </message>
    <message>
        <source>Row %1 is missing: it was removed (its completion record %2 is still there).</source>
        <translation>Zeile %1 fehlt: Sie wurde entfernt (ihr Abschlusseintrag %2 ist noch da).</translation>
    </message>
    <message>
        <source>Row %1 was edited: it was completed (completion record %2), but its outcome is not that completion any more.</source>
        <translation>Zeile %1 wurde bearbeitet: Sie wurde abgeschlossen (Abschlusseintrag %2), aber ihr Ergebnis entspricht diesem Abschluss nicht mehr.</translation>
    </message>
    <message>
        <source>Row %1 is missing: it was removed (the ids jump from %2 to %3).</source>
        <translation>Zeile %1 fehlt: Sie wurde entfernt (die IDs springen von %2 auf %3).</translation>
    </message>
    <message>
        <source>Rows %1 to %2 are missing: they were removed (the ids jump from %3 to %4).</source>
        <translation>Die Zeilen %1 bis %2 fehlen: Sie wurden entfernt (die IDs springen von %3 auf %4).</translation>
    </message>
    <message>
        <source>Row %1 does not start the chain: its previous_hash is not the chain&apos;s start, so rows were removed, inserted or reordered.</source>
        <translation>Zeile %1 beginnt die Kette nicht: Ihr previous_hash ist nicht der Anfang der Kette, also wurden Zeilen entfernt, eingefügt oder umsortiert.</translation>
    </message>
    <message>
        <source>Row %1 does not follow row %2: its previous_hash is not the row_hash of row %2, so rows were removed, inserted or reordered.</source>
        <translation>Zeile %1 folgt nicht auf Zeile %2: Ihr previous_hash ist nicht der row_hash von Zeile %2, also wurden Zeilen entfernt, eingefügt oder umsortiert.</translation>
    </message>
    <message>
        <source>Row %1 was edited: its host, user, command, risk, start or incident does not match its row_hash.</source>
        <translation>Zeile %1 wurde bearbeitet: Host, Benutzer, Befehl, Risiko, Start oder Incident passen nicht zu ihrem row_hash.</translation>
    </message>
    <message>
        <source>Row %1 was edited: its outcome (end, exit code, signal, duration, output size or status) does not match its final_hash.</source>
        <translation>Zeile %1 wurde bearbeitet: Ihr Ergebnis (Ende, Exit-Code, Signal, Dauer, Ausgabegröße oder Status) passt nicht zu ihrem final_hash.</translation>
    </message>
    <message>
        <source>Row %1 is missing: it was removed from the end (the highest id given out is %1).</source>
        <translation>Zeile %1 fehlt: Sie wurde am Ende entfernt (die höchste vergebene ID ist %1).</translation>
    </message>
    <message>
        <source>Rows %1 to %2 are missing: they were removed from the end (the highest id given out is %2).</source>
        <translation>Die Zeilen %1 bis %2 fehlen: Sie wurden am Ende entfernt (die höchste vergebene ID ist %2).</translation>
    </message>
    <message>
        <source>Row %1 was edited: it shows an outcome, but no completion record of it is left.</source>
        <translation>Zeile %1 wurde bearbeitet: Sie zeigt ein Ergebnis, aber es gibt keinen Abschlusseintrag mehr dazu.</translation>
    </message>
    <message>
        <source>Completion records %1 to %2 were removed from the end: a row shown as running was finished.</source>
        <translation>Die Abschlusseinträge %1 bis %2 wurden am Ende entfernt: Eine als laufend angezeigte Zeile war bereits abgeschlossen.</translation>
    </message>
    <message>
        <source>The rows are chained intact, but the audit log in %1 is no longer append-only: its triggers %2 were dropped.</source>
        <translation>Die Kette der Zeilen ist intakt, aber das Prüfprotokoll in %1 ist nicht mehr nur erweiterbar: Seine Trigger %2 wurden gelöscht.</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>database &quot;%1&quot; on %2:%3</source>
        <translation>Datenbank „%1“ auf %2:%3</translation>
    </message>
    <message>
        <source>Reading %1:%2</source>
        <translation>Lese %1:%2</translation>
    </message>
    <message>
        <source>Refused: &quot;%1&quot; is a scratch database of the test restore, not a restore target.</source>
        <translation>Abgelehnt: „%1“ ist eine Wegwerf-Datenbank der Test-Wiederherstellung, kein Ziel für eine Wiederherstellung.</translation>
    </message>
    <message>
        <source>Refused: %1 is not a database dump.</source>
        <translation>Abgelehnt: %1 ist kein Datenbank-Dump.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>The host went away during the preview.</source>
        <translation>Der Host verschwand während der Vorschau.</translation>
    </message>
    <message>
        <source>No safety gate: actions are off.</source>
        <translation>Keine Sicherheitsschranke: Aktionen sind abgeschaltet.</translation>
    </message>
    <message>
        <source>Not run: the host is no longer connected.</source>
        <translation>Nicht ausgeführt: der Host ist nicht mehr verbunden.</translation>
    </message>
    <message>
        <source>Backup action: %1</source>
        <translation>Sicherungsaktion: %1</translation>
    </message>
    <message>
        <source>Backup action failed: %1 — %2</source>
        <translation>Sicherungsaktion fehlgeschlagen: %1 — %2</translation>
    </message>
    <message>
        <source>Not run: the preview was of &quot;%1&quot;, not &quot;%2&quot;; preview again.</source>
        <translation>Nicht ausgeführt: die Vorschau galt „%1“, nicht „%2“; erneut Vorschau anzeigen.</translation>
    </message>
    <message>
        <source>Refused: the plain dump has not been scanned.</source>
        <translation>Abgelehnt: der reine SQL-Dump wurde nicht geprüft.</translation>
    </message>
    <message numerus="yes">
        <source>restore %1:%2 (%3) over %4, cutting %n session(s)</source>
        <translation>
            <numerusform>%1:%2 (%3) über %4 wiederherstellen, dabei %n Sitzung trennen</numerusform>
            <numerusform>%1:%2 (%3) über %4 wiederherstellen, dabei %n Sitzungen trennen</numerusform>
        </translation>
    </message>
    <message>
        <source>Not run: the backup location &quot;%1&quot; has no directory on the host.</source>
        <translation>Nicht ausgeführt: der Sicherungsort „%1“ hat kein Verzeichnis auf dem Host.</translation>
    </message>
    <message>
        <source>Not run: %1 (backup location &quot;%2&quot;)</source>
        <translation>Nicht ausgeführt: %1 (Sicherungsort „%2“)</translation>
    </message>
    <message>
        <source>pg_dump -Fc of %1 into %2:%3</source>
        <translation>pg_dump -Fc von %1 nach %2:%3</translation>
    </message>
    <message>
        <source>Nothing to delete.</source>
        <translation>Nichts zu löschen.</translation>
    </message>
    <message>
        <source>Refused: %1 is not a file of the backup location &quot;%2&quot; (%3).</source>
        <translation>Abgelehnt: %1 ist keine Datei des Sicherungsorts „%2“ (%3).</translation>
    </message>
    <message numerus="yes">
        <source>delete %n file(s) of %1 on %2: %3</source>
        <translation>
            <numerusform>%n Datei von %1 auf %2 löschen: %3</numerusform>
            <numerusform>%n Dateien von %1 auf %2 löschen: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The host went away during the check.</source>
        <translation>Der Host ist während der Prüfung weggefallen.</translation>
    </message>
    <message>
        <source>Refused: %1 is an S3 object; copy it to a host first and restore that copy.</source>
        <translation>Abgelehnt: %1 ist ein S3-Objekt; zuerst auf einen Host kopieren und diese Kopie wiederherstellen.</translation>
    </message>
</context>
<context>
    <name>BackupCatalog</name>
    <message>
        <source>host %1 is not in the workspace</source>
        <translation>Host %1 ist nicht im Arbeitsbereich</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
</context>
<context>
    <name>BackupCatalogModel</name>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>dumped from PostgreSQL %1</source>
        <translation>aus PostgreSQL %1 gesichert</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>Last verification</source>
        <translation>Letzte Prüfung</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>TOC only</source>
        <translation>nur Inhaltsverzeichnis</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <source>Staleness</source>
        <translation>Aktualität</translation>
    </message>
    <message>
        <source>not listed yet</source>
        <translation>noch nicht gelistet</translation>
    </message>
    <message>
        <source>WAL archive</source>
        <translation>WAL-Archiv</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>%1 · %2 ago</source>
        <translation>%1 · vor %2</translation>
    </message>
    <message>
        <source>%1 at %2
%3</source>
        <translation>%1 um %2
%3</translation>
    </message>
    <message>
        <source>%1 verified</source>
        <translation>%1 geprüft</translation>
    </message>
    <message>
        <source>%1 TOC only</source>
        <translation>%1 nur Inhaltsverzeichnis</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>BackupFile</name>
    <message>
        <source>pg_dump custom</source>
        <translation>pg_dump custom</translation>
    </message>
    <message>
        <source>pg_dump directory</source>
        <translation>pg_dump-Verzeichnis</translation>
    </message>
    <message>
        <source>pg_dump tar</source>
        <translation>pg_dump tar</translation>
    </message>
    <message>
        <source>plain SQL</source>
        <translation>reines SQL</translation>
    </message>
    <message>
        <source>file archive</source>
        <translation>Dateiarchiv</translation>
    </message>
    <message>
        <source>WAL segment</source>
        <translation>WAL-Segment</translation>
    </message>
    <message>
        <source>WAL timeline history</source>
        <translation>WAL-Timeline-Historie</translation>
    </message>
    <message>
        <source>base backup label</source>
        <translation>Basis-Backup-Label</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>L0 integrity</source>
        <translation>L0 Integrität</translation>
    </message>
    <message>
        <source>L1 table of contents</source>
        <translation>L1 Inhaltsverzeichnis</translation>
    </message>
    <message>
        <source>L2 full read</source>
        <translation>L2 vollständig gelesen</translation>
    </message>
    <message>
        <source>L3 test restore</source>
        <translation>L3 Test-Wiederherstellung</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>TOC only</source>
        <translation>nur Inhaltsverzeichnis</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>BackupHealthFeed</name>
    <message>
        <source>%1 backups</source>
        <translation>%1 Sicherungen</translation>
    </message>
    <message>
        <source>backup location %1 on %2 (%3): %4</source>
        <translation>Sicherungsort %1 auf %2 (%3): %4</translation>
    </message>
    <message>
        <source>not listed: %1</source>
        <translation>nicht aufgelistet: %1</translation>
    </message>
    <message>
        <source>files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>newest backup age</source>
        <translation>Alter der neuesten Sicherung</translation>
    </message>
</context>
<context>
    <name>BackupListing</name>
    <message>
        <source>directory %1 does not exist</source>
        <translation>Verzeichnis %1 existiert nicht</translation>
    </message>
    <message>
        <source>directory %1 cannot be opened (permissions?)</source>
        <translation>Verzeichnis %1 lässt sich nicht öffnen (Berechtigungen?)</translation>
    </message>
    <message>
        <source>the listing of %1 printed no list</source>
        <translation>die Auflistung von %1 gab keine Liste aus</translation>
    </message>
    <message>
        <source>the listing of %1 ended early</source>
        <translation>die Auflistung von %1 endete vorzeitig</translation>
    </message>
    <message>
        <source>find in %1 exited with status %2</source>
        <translation>find in %1 endete mit Status %2</translation>
    </message>
    <message>
        <source>aws s3 ls %1 failed (status %2): %3</source>
        <translation>aws s3 ls %1 schlug fehl (Status %2): %3</translation>
    </message>
    <message>
        <source>base backup %1 starts in %2, which is not archived</source>
        <translation>Basis-Backup %1 beginnt in %2, das nicht archiviert ist</translation>
    </message>
    <message>
        <source>base backup %1 needs WAL up to %2, but %3 is missing</source>
        <translation>Basis-Backup %1 braucht WAL bis %2, aber %3 fehlt</translation>
    </message>
    <message>
        <source>no base backup label (.backup) in the archive</source>
        <translation>kein Basis-Backup-Label (.backup) im Archiv</translation>
    </message>
    <message>
        <source>PITR %1 – %2</source>
        <translation>PITR %1 – %2</translation>
    </message>
    <message>
        <source>no PITR: %1</source>
        <translation>kein PITR: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s), first at %1</source>
        <translation>
            <numerusform>%n Lücke, die erste bei %1</numerusform>
            <numerusform>%n Lücken, die erste bei %1</numerusform>
        </translation>
    </message>
    <message>
        <source>no backup in this location</source>
        <translation>keine Sicherung an diesem Ort</translation>
    </message>
    <message>
        <source>newest backup is %1 old; critical after %2</source>
        <translation>neueste Sicherung ist %1 alt; kritisch nach %2</translation>
    </message>
    <message>
        <source>newest backup is %1 old; stale after %2</source>
        <translation>neueste Sicherung ist %1 alt; veraltet nach %2</translation>
    </message>
</context>
<context>
    <name>BackupVerifier</name>
    <message numerus="yes">
        <source>%n object(s): %1</source>
        <translation>
            <numerusform>%n Objekt: %1</numerusform>
            <numerusform>%n Objekte: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The check did not run to its end (%1)%2</source>
        <translation>Die Prüfung lief nicht bis zum Ende (%1)%2</translation>
    </message>
    <message>
        <source>%1 does not exist on %2</source>
        <translation>%1 existiert auf %2 nicht</translation>
    </message>
    <message>
        <source>%1 has no toc.dat: it is not a complete directory dump</source>
        <translation>%1 hat keine toc.dat: es ist kein vollständiger Verzeichnis-Dump</translation>
    </message>
    <message>
        <source>The size of %1 could not be read</source>
        <translation>Die Größe von %1 ließ sich nicht lesen</translation>
    </message>
    <message>
        <source>toc.dat in %1 is empty</source>
        <translation>toc.dat in %1 ist leer</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes)</source>
        <translation>%1 ist leer (0 Bytes)</translation>
    </message>
    <message>
        <source>%1, not empty</source>
        <translation>%1, nicht leer</translation>
    </message>
    <message>
        <source>The %1 test fails: %2</source>
        <translation>Der %1-Test schlägt fehl: %2</translation>
    </message>
    <message>
        <source>%1 test passes</source>
        <translation>%1-Test bestanden</translation>
    </message>
    <message>
        <source>%1 does not start with PGDMP: it is no pg_dump custom archive</source>
        <translation>%1 beginnt nicht mit PGDMP: es ist kein pg_dump-custom-Archiv</translation>
    </message>
    <message>
        <source>%1 is no tar archive (no ustar header)</source>
        <translation>%1 ist kein tar-Archiv (kein ustar-Kopf)</translation>
    </message>
    <message>
        <source>toc.dat cannot be read: %1</source>
        <translation>toc.dat lässt sich nicht lesen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n data file(s) the table of contents names are missing from %1: %2</source>
        <translation>
            <numerusform>%n Datendatei, die das Inhaltsverzeichnis nennt, fehlt in %1: %2</numerusform>
            <numerusform>%n Datendateien, die das Inhaltsverzeichnis nennt, fehlen in %1: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>toc.dat and all %n data file(s) present</source>
        <translation>
            <numerusform>toc.dat und die %n Datendatei vorhanden</numerusform>
            <numerusform>toc.dat und alle %n Datendateien vorhanden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1.sha256 holds no sha256 sum</source>
        <translation>%1.sha256 enthält keine sha256-Summe</translation>
    </message>
    <message>
        <source>The sha256 sum does not match %1.sha256: %2 recorded, %3 now</source>
        <translation>Die sha256-Summe passt nicht zu %1.sha256: %2 notiert, jetzt %3</translation>
    </message>
    <message>
        <source>sha256 matches</source>
        <translation>sha256 stimmt</translation>
    </message>
    <message>
        <source>pg_restore --list fails: %1</source>
        <translation>pg_restore --list schlägt fehl: %1</translation>
    </message>
    <message>
        <source>%1 has no object headers pg_dump writes</source>
        <translation>%1 hat keine Objektköpfe, wie pg_dump sie schreibt</translation>
    </message>
    <message>
        <source>The table of contents of %1 is empty</source>
        <translation>Das Inhaltsverzeichnis von %1 ist leer</translation>
    </message>
    <message>
        <source>pg_restore could not read all data: %1</source>
        <translation>pg_restore konnte nicht alle Daten lesen: %1</translation>
    </message>
    <message>
        <source>every entry read through (%1)</source>
        <translation>jeder Eintrag durchgelesen (%1)</translation>
    </message>
    <message>
        <source>The stream breaks off after %1: %2</source>
        <translation>Der Datenstrom bricht nach %1 ab: %2</translation>
    </message>
    <message>
        <source>%1 read, but the dump does not end with &quot;-- PostgreSQL database dump complete&quot;: it was cut off</source>
        <translation>%1 gelesen, aber der Dump endet nicht mit „-- PostgreSQL database dump complete“: er wurde abgeschnitten</translation>
    </message>
    <message>
        <source>%1 of SQL read, ends as a complete dump</source>
        <translation>%1 SQL gelesen, endet als vollständiger Dump</translation>
    </message>
    <message numerus="yes">
        <source>tar stops after %n entry(s): %1</source>
        <translation>
            <numerusform>tar hört nach %n Eintrag auf: %1</numerusform>
            <numerusform>tar hört nach %n Einträgen auf: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) read through to the end</source>
        <translation>
            <numerusform>%n Eintrag bis zum Ende gelesen</numerusform>
            <numerusform>%n Einträge bis zum Ende gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is no pg_dump archive: it has no table of contents</source>
        <translation>%1 ist kein pg_dump-Archiv: es hat kein Inhaltsverzeichnis</translation>
    </message>
    <message>
        <source>A full read is for dumps and file archives, not a %1</source>
        <translation>Vollständiges Lesen gilt Dumps und Dateiarchiven, nicht einem %1</translation>
    </message>
    <message>
        <source>Only a database dump can be test-restored, not a %1</source>
        <translation>Nur ein Datenbank-Dump lässt sich testweise wiederherstellen, kein %1</translation>
    </message>
    <message>
        <source>A test restore is not a command of its own: it runs as TestRestore</source>
        <translation>Eine Test-Wiederherstellung ist kein eigener Befehl: sie läuft als TestRestore</translation>
    </message>
    <message>
        <source>Nothing to read for %1</source>
        <translation>Für %1 gibt es nichts zu lesen</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 läuft</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 gestartet</translation>
    </message>
    <message>
        <source>No way to run commands on %1</source>
        <translation>Auf %1 können keine Befehle laufen</translation>
    </message>
    <message>
        <source>A test restore needs a scratch database server to go to</source>
        <translation>Eine Test-Wiederherstellung braucht einen Server für Wegwerf-Datenbanken</translation>
    </message>
</context>
<context>
    <name>BackupsCommand</name>
    <message>
        <source>Read the backup locations of the workspace FILE.</source>
        <translation>Die Sicherungsorte des Arbeitsbereichs FILE lesen.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>verify: climb the ladder up to this level: 0 integrity, 1 table of contents, 2 full read, 3 test restore.</source>
        <translation>verify: die Stufen bis zu dieser durchlaufen: 0 Integrität, 1 Inhaltsverzeichnis, 2 vollständig lesen, 3 Test-Wiederherstellung.</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>LEVEL</translation>
    </message>
    <message>
        <source>verify --level 3: the workspace database whose server takes the scratch database (it needs scratch-restores: true).</source>
        <translation>verify --level 3: die Datenbank des Arbeitsbereichs, deren Server die Wegwerf-Datenbank aufnimmt (sie braucht scratch-restores: true).</translation>
    </message>
    <message>
        <source>DATABASE</source>
        <translation>DATABASE</translation>
    </message>
    <message>
        <source>verify --level 3: confirm the test restore (a change on the scratch server).</source>
        <translation>verify --level 3: die Test-Wiederherstellung bestätigen (eine Änderung auf dem Server für Wegwerf-Datenbanken).</translation>
    </message>
    <message>
        <source>verify --level 3: read the scratch server&apos;s password from the first line of standard input.</source>
        <translation>verify --level 3: das Passwort des Servers für Wegwerf-Datenbanken aus der ersten Zeile der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>Read-only mode: a test restore is refused.</source>
        <translation>Nur-Lese-Modus: eine Test-Wiederherstellung wird abgelehnt.</translation>
    </message>
    <message>
        <source>Accept a host key that no known_hosts file has.</source>
        <translation>Einen Host-Schlüssel annehmen, den keine known_hosts-Datei kennt.</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>Locations, or the file or location.</source>
        <translation>Orte, oder die Datei bzw. der Ort.</translation>
    </message>
    <message>
        <source>[LOCATION...]|FILE|LOCATION</source>
        <translation>[LOCATION...]|FILE|LOCATION</translation>
    </message>
    <message>
        <source>opsdeck backups verify: give the level as --level 0, 1, 2 or 3</source>
        <translation>opsdeck backups verify: geben Sie die Stufe als --level 0, 1, 2 oder 3 an</translation>
    </message>
    <message>
        <source>opsdeck backups list: the workspace has no backup location &apos;%1&apos;</source>
        <translation>opsdeck backups list: der Arbeitsbereich hat keinen Sicherungsort &apos;%1&apos;</translation>
    </message>
    <message>
        <source>opsdeck backups verify: give the file on host %1 by its absolute path: %1:/PATH</source>
        <translation>opsdeck backups verify: geben Sie die Datei auf Host %1 mit absolutem Pfad an: %1:/PATH</translation>
    </message>
    <message>
        <source>opsdeck backups verify: &apos;%1&apos; is no backup location of the workspace and no file here</source>
        <translation>opsdeck backups verify: &apos;%1&apos; ist weder ein Sicherungsort des Arbeitsbereichs noch eine Datei hier</translation>
    </message>
    <message>
        <source>opsdeck backups list: the workspace has no backup location (a host&apos;s backups: key)</source>
        <translation>opsdeck backups list: der Arbeitsbereich hat keinen Sicherungsort (den Schlüssel backups: eines Hosts)</translation>
    </message>
    <message>
        <source>opsdeck backups verify: --level 3 restores into a scratch database: name the workspace database whose server takes it with --scratch DATABASE</source>
        <translation>opsdeck backups verify: --level 3 stellt in eine Wegwerf-Datenbank wieder her: nennen Sie mit --scratch DATABASE die Datenbank des Arbeitsbereichs, deren Server sie aufnimmt</translation>
    </message>
    <message>
        <source>opsdeck backups verify: the workspace has no database &apos;%1&apos;</source>
        <translation>opsdeck backups verify: der Arbeitsbereich hat keine Datenbank &apos;%1&apos;</translation>
    </message>
    <message>
        <source>opsdeck backups verify: database %1 (workspace line %2) does not allow scratch restores; its entry needs scratch-restores: true</source>
        <translation>opsdeck backups verify: Datenbank %1 (Arbeitsbereich Zeile %2) erlaubt keine Wegwerf-Wiederherstellungen; ihr Eintrag braucht scratch-restores: true</translation>
    </message>
    <message>
        <source>opsdeck backups verify: --password-stdin: standard input has no line with the password of database %1</source>
        <translation>opsdeck backups verify: --password-stdin: die Standardeingabe hat keine Zeile mit dem Passwort der Datenbank %1</translation>
    </message>
    <message>
        <source>opsdeck backups verify: database %1 needs the password of keychain entry &apos;%2&apos;, and the command line opens no keychain: give it on standard input with --password-stdin</source>
        <translation>opsdeck backups verify: Datenbank %1 braucht das Passwort des Schlüsselbund-Eintrags &apos;%2&apos;, und die Befehlszeile öffnet keinen Schlüsselbund: geben Sie es mit --password-stdin auf der Standardeingabe an</translation>
    </message>
    <message>
        <source>opsdeck backups verify: --read-only refuses a test restore (level 3); levels 0 to 2 only read</source>
        <translation>opsdeck backups verify: --read-only lehnt eine Test-Wiederherstellung ab (Stufe 3); die Stufen 0 bis 2 lesen nur</translation>
    </message>
    <message>
        <source>opsdeck backups verify: a test restore creates and drops a scratch database on %1:%2; to run it, add --confirm</source>
        <translation>opsdeck backups verify: eine Test-Wiederherstellung legt eine Wegwerf-Datenbank auf %1:%2 an und löscht sie wieder; um sie auszuführen, fügen Sie --confirm hinzu</translation>
    </message>
    <message>
        <source>opsdeck backups: the audit log cannot be opened: %1</source>
        <translation>opsdeck backups: das Audit-Protokoll lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>opsdeck backups: verifications could not be read: %1</source>
        <translation>opsdeck backups: Prüfungen ließen sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>opsdeck backups: location %1 on %2: %3</source>
        <translation>opsdeck backups: Ort %1 auf %2: %3</translation>
    </message>
    <message>
        <source>opsdeck backups: location %1 on %2 is %3: %4</source>
        <translation>opsdeck backups: Ort %1 auf %2 ist %3: %4</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>opsdeck backups verify: %1 on %2 could not be listed: %3</source>
        <translation>opsdeck backups verify: %1 auf %2 ließ sich nicht auflisten: %3</translation>
    </message>
    <message>
        <source>opsdeck backups verify: host %1 has no file %2</source>
        <translation>opsdeck backups verify: Host %1 hat keine Datei %2</translation>
    </message>
    <message>
        <source>VERDICT</source>
        <translation>URTEIL</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>DETAIL</translation>
    </message>
    <message>
        <source>The backup catalog and the verification ladder, without the window.

  backups list [LOCATION...] [--json]
  backups verify FILE|LOCATION --level 0..3 [--json]
        [--scratch DATABASE --confirm [--password-stdin]]   (level 3)
  backups retention LOCATION [--json]   (a dry run: deletes nothing)

LOCATION is a backup location&apos;s name (or HOST/NAME); FILE a path on this computer or HOST:PATH on a workspace host. list: exit status 1 when a location is stale (warning or critical) or could not be listed. verify: exit status 1 when a level failed or could not run. retention: exit status 1 when the location could not be listed. 2 on a usage error.</source>
        <translation>Der Sicherungskatalog und die Prüfstufen, ohne Fenster.

  backups list [LOCATION...] [--json]
  backups verify FILE|LOCATION --level 0..3 [--json]
        [--scratch DATABASE --confirm [--password-stdin]]   (Stufe 3)
  backups retention LOCATION [--json]   (ein Probelauf: löscht nichts)

LOCATION ist der Name eines Sicherungsorts (oder HOST/NAME); FILE ein Pfad auf diesem Computer oder HOST:PATH auf einem Host des Arbeitsbereichs. list: Exit-Status 1, wenn ein Ort veraltet ist (Warnung oder kritisch) oder nicht aufgelistet werden konnte. verify: Exit-Status 1, wenn eine Stufe fehlschlug oder nicht laufen konnte. retention: Exit-Status 1, wenn der Ort nicht aufgelistet werden konnte. 2 bei einem Aufruffehler.</translation>
    </message>
    <message>
        <source>list, verify or retention.</source>
        <translation>list, verify oder retention.</translation>
    </message>
    <message>
        <source>list|verify|retention</source>
        <translation>list|verify|retention</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>DECISION</source>
        <translation>ENTSCHEIDUNG</translation>
    </message>
    <message>
        <source>MODIFIED</source>
        <translation>GEÄNDERT</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>GRÖSSE</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>WARUM</translation>
    </message>
    <message>
        <source>%1 / %2: %3 of %4 would be deleted (%5 freed); nothing was deleted.</source>
        <translation>%1 / %2: %3 von %4 würden gelöscht (%5 frei); nichts wurde gelöscht.</translation>
    </message>
    <message>
        <source>Point-in-time recovery window: now from %1, after the run from %2, to %3.</source>
        <translation>Zeitfenster für Point-in-Time-Recovery: jetzt ab %1, nach dem Lauf ab %2, bis %3.</translation>
    </message>
    <message>
        <source>opsdeck backups retention: the workspace has no backup location &apos;%1&apos;</source>
        <translation>opsdeck backups retention: Der Arbeitsbereich hat keinen Sicherungsort „%1“</translation>
    </message>
    <message>
        <source>opsdeck backups retention: &apos;%1&apos; names several locations; give it as HOST/NAME</source>
        <translation>opsdeck backups retention: „%1“ benennt mehrere Orte; als HOST/NAME angeben</translation>
    </message>
</context>
<context>
    <name>BuiltInWorkspace</name>
    <message>
        <source>System journal</source>
        <translation>Systemjournal</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>The machine OpsDeck runs on, reached without SSH.</source>
        <translation>Der Computer, auf dem OpsDeck läuft; erreichbar ohne SSH.</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>opsdeck check: unknown kind &apos;%1&apos;; use one of %2</source>
        <translation>opsdeck check: unbekannte Art „%1“; erlaubt sind %2</translation>
    </message>
    <message>
        <source>opsdeck check: the workspace has no environment &apos;%1&apos;</source>
        <translation>opsdeck check: der Arbeitsbereich hat keine Umgebung „%1“</translation>
    </message>
    <message>
        <source>opsdeck check: the audit log cannot be opened: %1</source>
        <translation>opsdeck check: das Audit-Protokoll lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>opsdeck check: %1</source>
        <translation>opsdeck check: %1</translation>
    </message>
</context>
<context>
    <name>CheckPlan</name>
    <message>
        <source>Alertmanager</source>
        <translation>Alertmanager</translation>
    </message>
    <message>
        <source>%1 health</source>
        <translation>Zustand von %1</translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation>%1 Port %2</translation>
    </message>
    <message>
        <source>HTTP health</source>
        <translation>HTTP-Zustand</translation>
    </message>
    <message>
        <source>TCP connect</source>
        <translation>TCP-Verbindung</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS-Zertifikat</translation>
    </message>
    <message>
        <source>Host metrics</source>
        <translation>Host-Metriken</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>Backup staleness</source>
        <translation>Aktualität der Sicherungen</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>%1 metrics</source>
        <translation>%1 Metriken</translation>
    </message>
    <message>
        <source>Metrics scrape</source>
        <translation>Metrik-Abruf</translation>
    </message>
</context>
<context>
    <name>CheckReport</name>
    <message numerus="yes">
        <source>%n check(s): %1 OK, %2 warning, %3 critical, %4 unknown</source>
        <translation>
            <numerusform>%n Prüfung: %1 OK, %2 Warnung, %3 kritisch, %4 unbekannt</numerusform>
            <numerusform>%n Prüfungen: %1 OK, %2 Warnung, %3 kritisch, %4 unbekannt</numerusform>
        </translation>
    </message>
    <message>
        <source>warning %1</source>
        <translation>Warnung %1</translation>
    </message>
    <message>
        <source>critical %1</source>
        <translation>kritisch %1</translation>
    </message>
    <message>
        <source>Morning check</source>
        <translation>Morgenprüfung</translation>
    </message>
    <message>
        <source>Morning check: %1</source>
        <translation>Morgenprüfung: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation>Prüfungen:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Begonnen:</translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation>Beendet:</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>None: every check is OK.</source>
        <translation>Keine: jede Prüfung ist OK.</translation>
    </message>
    <message>
        <source>runbook: %1</source>
        <translation>Runbook: %1</translation>
    </message>
    <message>
        <source>Environment %1</source>
        <translation>Umgebung %1</translation>
    </message>
    <message>
        <source>(checked from %1)</source>
        <translation>(geprüft von %1 aus)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Schwellen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started %1, finished %2</source>
        <translation>Begonnen %1, beendet %2</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>ENVIRONMENT</source>
        <translation>UMGEBUNG</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>CHECK</source>
        <translation>PRÜFUNG</translation>
    </message>
    <message>
        <source>RESULT</source>
        <translation>ERGEBNIS</translation>
    </message>
</context>
<context>
    <name>CheckScheduler</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>CommandBehaviour</name>
    <message>
        <source>%1 keeps running and printing until it is stopped: it streams until you press Stop, with no time limit</source>
        <translation>%1 läuft weiter und gibt aus, bis er angehalten wird: Der Schritt streamt, bis Sie auf Anhalten drücken, ohne Zeitlimit</translation>
    </message>
    <message>
        <source>%1 waits for what is typed at its prompt</source>
        <translation>%1 wartet auf Eingaben an seiner Eingabeaufforderung</translation>
    </message>
    <message>
        <source>%1 opens an interactive shell</source>
        <translation>%1 öffnet eine interaktive Shell</translation>
    </message>
    <message>
        <source>%1 opens an editor</source>
        <translation>%1 öffnet einen Editor</translation>
    </message>
    <message>
        <source>%1 is a full-screen program</source>
        <translation>%1 ist ein Vollbildprogramm</translation>
    </message>
    <message>
        <source>in the container</source>
        <translation>im Container</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>under %1</source>
        <translation>unter %1</translation>
    </message>
    <message>
        <source>%1 opens a shell %2</source>
        <translation>%1 öffnet eine Shell %2</translation>
    </message>
    <message>
        <source>the loop &apos;%1 %2&apos; never ends by itself: it streams until you press Stop, with no time limit</source>
        <translation>die Schleife „%1 %2“ endet nie von selbst: Der Schritt streamt, bis Sie auf Anhalten drücken, ohne Zeitlimit</translation>
    </message>
    <message numerus="yes">
        <source>%1 opens a shell %2; the %n line(s) after it run there, as &apos;%3 &apos;…&apos;&apos;</source>
        <translation>
            <numerusform>%1 öffnet eine Shell %2; die %n Zeile danach läuft dort, als &apos;%3 &apos;…&apos;&apos;</numerusform>
            <numerusform>%1 öffnet eine Shell %2; die %n Zeilen danach laufen dort, als &apos;%3 &apos;…&apos;&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; the %n line(s) after it are typed there</source>
        <translation>
            <numerusform>%1; die %n Zeile danach wird dort eingegeben</numerusform>
            <numerusform>%1; die %n Zeilen danach werden dort eingegeben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>%1: invalid; errors: %2, warnings: %3</source>
        <translation>%1: ungültig; Fehler: %2, Warnungen: %3</translation>
    </message>
    <message>
        <source>%1: valid; environments: %2, hosts: %3, warnings: %4</source>
        <translation>%1: gültig; Umgebungen: %2, Hosts: %3, Warnungen: %4</translation>
    </message>
    <message>
        <source>Open the workspace FILE.</source>
        <translation>Den Arbeitsbereich FILE öffnen.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Start in read-only mode: nothing that changes a system runs.</source>
        <translation>Im Nur-Lese-Modus starten: Nichts, was ein System verändert, wird ausgeführt.</translation>
    </message>
    <message>
        <source>Save a picture of the main window to FILE once it is shown, then quit.</source>
        <translation>Ein Bild des Hauptfensters in FILE speichern, sobald es angezeigt wird, und dann beenden.</translation>
    </message>
    <message>
        <source>A headless command, such as &apos;workspace validate&apos;.</source>
        <translation>Ein Befehl ohne Anzeige, etwa &apos;workspace validate&apos;.</translation>
    </message>
    <message>
        <source>[command]</source>
        <translation>[Befehl]</translation>
    </message>
    <message>
        <source>usage: opsdeck workspace validate FILE...</source>
        <translation>Aufruf: opsdeck workspace validate FILE...</translation>
    </message>
    <message>
        <source>opsdeck: unknown command &apos;%1&apos;; see opsdeck --help</source>
        <translation>opsdeck: unbekannter Befehl &apos;%1&apos;; siehe opsdeck --help</translation>
    </message>
    <message>
        <source>opsdeck: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).
OpsDeck is a desktop application. To run it without a screen, use one of:
  xvfb-run -a opsdeck                  (a virtual X server)
  QT_QPA_PLATFORM=offscreen opsdeck    (no window at all, for tests)
Headless commands such as &apos;opsdeck workspace validate FILE&apos; need no display.</source>
        <translation>opsdeck: keine Anzeige gefunden (weder DISPLAY noch WAYLAND_DISPLAY gesetzt).
OpsDeck ist eine Desktop-Anwendung. Ohne Bildschirm starten Sie es so:
  xvfb-run -a opsdeck                  (ein virtueller X-Server)
  QT_QPA_PLATFORM=offscreen opsdeck    (gar kein Fenster, für Tests)
Befehle wie &apos;opsdeck workspace validate FILE&apos; benötigen keine Anzeige.</translation>
    </message>
    <message>
        <source>usage: opsdeck [--workspace FILE] run HOST [options] -- COMMAND...</source>
        <translation>Aufruf: opsdeck [--workspace FILE] run HOST [Optionen] -- BEFEHL...</translation>
    </message>
    <message>
        <source>opsdeck: the workspace has no host &apos;%1&apos;</source>
        <translation>opsdeck: der Arbeitsbereich hat keinen Host &apos;%1&apos;</translation>
    </message>
    <message>
        <source>opsdeck: this command changes %1 (%2); add --yes to run it.</source>
        <translation>opsdeck: dieser Befehl verändert %1 (%2); geben Sie --yes an, um ihn auszuführen.</translation>
    </message>
    <message>
        <source>opsdeck: this command can destroy data on %1 (%2); confirm with --confirm %1.</source>
        <translation>opsdeck: dieser Befehl kann Daten auf %1 zerstören (%2); bestätigen Sie mit --confirm %1.</translation>
    </message>
    <message>
        <source>opsdeck: not run, the audit log cannot be opened: %1</source>
        <translation>opsdeck: nicht ausgeführt, das Prüfprotokoll kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>opsdeck: %1: %2</source>
        <translation>opsdeck: %1: %2</translation>
    </message>
    <message>
        <source>run: accept a host key that no known_hosts file has (changed or revoked keys are still refused).</source>
        <translation>run: einen Hostschlüssel akzeptieren, der in keiner known_hosts-Datei steht (geänderte oder widerrufene Schlüssel werden weiterhin abgelehnt).</translation>
    </message>
    <message>
        <source>run: run the command through sudo -n.</source>
        <translation>run: den Befehl über sudo -n ausführen.</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>run: allow a command that changes the host.</source>
        <translation>run: einen Befehl erlauben, der den Host verändert.</translation>
    </message>
    <message>
        <source>run: allow a destructive command by naming the HOST it runs on.</source>
        <translation>run: einen zerstörerischen Befehl erlauben, indem der HOST genannt wird, auf dem er läuft.</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <source>runbook: %1</source>
        <translation>Runbook: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>sql</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>%1  [%2] line %3: %4</source>
        <translation>%1  [%2] Zeile %3: %4</translation>
    </message>
    <message>
        <source> (risk: %1)</source>
        <translation> (Risiko: %1)</translation>
    </message>
    <message>
        <source> (risk: %1 — %2)</source>
        <translation> (Risiko: %1 — %2)</translation>
    </message>
    <message>
        <source> placeholders: %1</source>
        <translation> Platzhalter: %1</translation>
    </message>
    <message>
        <source> (unterminated here-document)</source>
        <translation> (nicht abgeschlossenes Here-Dokument)</translation>
    </message>
    <message>
        <source>sections: %1, runnable steps: %2, reference blocks: %3, manual checks: %4, placeholders: %5</source>
        <translation>Abschnitte: %1, ausführbare Schritte: %2, Referenzblöcke: %3, manuelle Prüfungen: %4, Platzhalter: %5</translation>
    </message>
    <message>
        <source>usage: opsdeck runbook show FILE [--json]</source>
        <translation>Aufruf: opsdeck runbook show FILE [--json]</translation>
    </message>
    <message>
        <source>opsdeck: OpsDeck cannot tell what this command does on %1 (%2); add --yes to run it.</source>
        <translation>opsdeck: OpsDeck kann nicht erkennen, was dieser Befehl auf %1 tut (%2); mit --yes ausführen.</translation>
    </message>
    <message>
        <source> (streams until Stop)</source>
        <translation> (streamt bis Anhalten)</translation>
    </message>
    <message>
        <source> (for a terminal: %1)</source>
        <translation> (für ein Terminal: %1)</translation>
    </message>
    <message>
        <source>%1      lines %2-%3 run inside: %4 &apos;…&apos;</source>
        <translation>%1      Zeilen %2-%3 laufen darin: %4 &apos;…&apos;</translation>
    </message>
    <message>
        <source>output blocks: %1, streaming steps: %2, steps for a terminal: %3, warnings: %4</source>
        <translation>Ausgabeblöcke: %1, streamende Schritte: %2, Schritte für ein Terminal: %3, Warnungen: %4</translation>
    </message>
    <message>
        <source>opsdeck: %1</source>
        <translation>opsdeck: %1</translation>
    </message>
    <message>
        <source>opsdeck: the audit log cannot be opened: %1</source>
        <translation>opsdeck: Das Prüfprotokoll kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>%1; head %2</source>
        <translation>%1; Kopf %2</translation>
    </message>
    <message>
        <source>audit log: %1</source>
        <translation>Prüfprotokoll: %1</translation>
    </message>
    <message>
        <source>usage: opsdeck audit verify [--json]</source>
        <translation>Aufruf: opsdeck audit verify [--json]</translation>
    </message>
    <message>
        <source>run: stop the command after SECONDS; metrics parse: give up a scrape after SECONDS (10 when not given).</source>
        <translation>run: den Befehl nach SECONDS Sekunden anhalten; metrics parse: einen Abruf nach SECONDS Sekunden aufgeben (ohne Angabe 10).</translation>
    </message>
    <message>
        <source>usage: opsdeck metrics parse FILE|URL [--json] [--timeout SECONDS]</source>
        <translation>Aufruf: opsdeck metrics parse DATEI|URL [--json] [--timeout SEKUNDEN]</translation>
    </message>
    <message>
        <source>runbook show, audit verify, metrics parse, check: print JSON.</source>
        <translation>runbook show, audit verify, metrics parse, check: JSON ausgeben.</translation>
    </message>
    <message>
        <source>check: only the checks of environment ENV.</source>
        <translation>check: nur die Prüfungen der Umgebung ENV.</translation>
    </message>
    <message>
        <source>ENV</source>
        <translation>ENV</translation>
    </message>
    <message>
        <source>KINDS</source>
        <translation>ARTEN</translation>
    </message>
    <message>
        <source>check: also write the report to FILE (Markdown, or HTML when FILE ends in .html).</source>
        <translation>check: den Bericht zusätzlich in DATEI schreiben (Markdown, oder HTML, wenn DATEI auf .html endet).</translation>
    </message>
    <message>
        <source>usage: opsdeck [--workspace FILE] check [--env ENV] [--only KINDS] [--json] [--report FILE]</source>
        <translation>Aufruf: opsdeck [--workspace DATEI] check [--env ENV] [--only ARTEN] [--json] [--report DATEI]</translation>
    </message>
    <message>
        <source>OpsDeck, the operations console.

Commands that need no display:
  workspace validate FILE...  check workspace files and print problems as
                              file:line:column; exit status 1 on errors
  run HOST -- COMMAND...      run a command on a host of the workspace (or
                              this computer), audited; exit status is the
                              command&apos;s, 255 when it could not run
  runbook show FILE [--json]  print the sections, steps, risks and
                              placeholders OpsDeck reads from a runbook
  audit verify [--json]       check that no audit log row was edited,
                              removed or reordered; exit status 1 names
                              the first bad row
  logs stats FILE... [--json] lines, format, levels, first and last time
  logs grep [-E|-F] [-i] [-w] [-v] [-c] PATTERN FILE...
                              the log viewer&apos;s filter, printed as grep -n
                              does; --level, --since, --until, --json
  check [--env E] [--only KIND,...] [--json] [--report FILE]
                              run every health check of the workspace once;
                              exit status 0 OK, 1 warning, 2 critical,
                              3 unknown; --report writes the morning check
                              (.md or .html)
  metrics parse FILE|URL [--json]
                              what OpsDeck reads from a Prometheus or
                              OpenMetrics exposition (a file or a scrape);
                              exit status 1 on errors, with line:column
  containers [HOST...] [--runtime R] [--context C] [-n NS] [--json]
                              every container and pod of the workspace&apos;s
                              hosts; exit status 1 when one could not be
                              read (opsdeck containers --help)
  db overview|activity|locks|slow|tables|replication DATABASE [--json]
                              one DBA view of a workspace database; also
                              db cancel, terminate and terminate-idle
                              through the safety gate (opsdeck db --help)
  backups list [LOCATION...] [--json]
  backups verify FILE|LOCATION --level 0..3 [--json]
                              the backup catalog and the verification
                              ladder; exit status 1 when a location is
                              stale or a verification failed
                              (opsdeck backups --help)</source>
        <translation>OpsDeck, die Betriebskonsole.

Befehle, die keine Anzeige benötigen:
  workspace validate FILE...  Arbeitsbereichsdateien prüfen und Probleme als
                              file:line:column ausgeben; Exit-Code 1 bei Fehlern
  run HOST -- BEFEHL...       einen Befehl auf einem Host des Arbeitsbereichs
                              (oder diesem Computer) ausführen, protokolliert;
                              Exit-Code des Befehls, 255 wenn er nicht lief
  runbook show FILE [--json]  die Abschnitte, Schritte, Risiken und Platzhalter
                              ausgeben, die OpsDeck aus einem Runbook liest
  audit verify [--json]       prüfen, dass keine Zeile des Prüfprotokolls
                              bearbeitet, entfernt oder umsortiert wurde;
                              Exit-Code 1 nennt die erste fehlerhafte Zeile
  logs stats FILE... [--json] Zeilen, Format, Stufen, erste und letzte Zeit
  logs grep [-E|-F] [-i] [-w] [-v] [-c] MUSTER DATEI...
                              der Filter des Protokollbetrachters, ausgegeben
                              wie von grep -n; --level, --since, --until, --json
  check [--env E] [--only ART,...] [--json] [--report DATEI]
                              jede Zustandsprüfung des Arbeitsbereichs einmal
                              ausführen; Exit-Code 0 OK, 1 Warnung, 2 kritisch,
                              3 unbekannt; --report schreibt die Morgenprüfung
                              (.md oder .html)
  metrics parse FILE|URL [--json]
                              was OpsDeck aus einer Prometheus- oder
                              OpenMetrics-Ausgabe liest (Datei oder Abruf);
                              Exit-Code 1 bei Fehlern, mit Zeile:Spalte
  containers [HOST...] [--runtime R] [--context C] [-n NS] [--json]
                              alle Container und Pods der Hosts des
                              Arbeitsbereichs; Exit-Status 1, wenn einer
                              nicht gelesen werden konnte
                              (opsdeck containers --help)
  db overview|activity|locks|slow|tables|replication DATABASE [--json]
                              eine DBA-Ansicht einer Datenbank des
                              Arbeitsbereichs; dazu db cancel, terminate
                              und terminate-idle über die Sicherheitsschranke
                              (opsdeck db --help)
  backups list [LOCATION...] [--json]
  backups verify FILE|LOCATION --level 0..3 [--json]
                              der Sicherungskatalog und die Prüfstufen;
                              Exit-Status 1, wenn ein Ort veraltet ist
                              oder eine Prüfung fehlschlug
                              (opsdeck backups --help)</translation>
    </message>
    <message>
        <source>check: only checks of these kinds (http, tcp, tls, host, redis, postgres, alerts, metrics), comma-separated.</source>
        <translation>check: nur Prüfungen dieser Arten (http, tcp, tls, host, redis, postgres, alerts, metrics), durch Kommas getrennt.</translation>
    </message>
</context>
<context>
    <name>CommandRisk</name>
    <message>
        <source>`%1` is not known to be read-only</source>
        <translation>`%1` ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>the command nests shells too deeply to be judged</source>
        <translation>der Befehl verschachtelt Shells zu tief, um beurteilt zu werden</translation>
    </message>
    <message>
        <source>the command is incomplete (an unterminated quote, substitution or here-document)</source>
        <translation>der Befehl ist unvollständig (ein nicht geschlossenes Anführungszeichen, eine Ersetzung oder ein Here-Dokument)</translation>
    </message>
    <message>
        <source>the subscript of `%1` is evaluated and can run commands</source>
        <translation>der Index von `%1` wird ausgewertet und kann Befehle ausführen</translation>
    </message>
    <message>
        <source>setting `%1` changes what the shell runs</source>
        <translation>das Setzen von `%1` ändert, was die Shell ausführt</translation>
    </message>
    <message>
        <source>`%1` in the environment of `%2` can change what it does</source>
        <translation>`%1` in der Umgebung von `%2` kann ändern, was es tut</translation>
    </message>
    <message>
        <source>the command name `%1` is computed when it runs</source>
        <translation>der Befehlsname `%1` wird erst bei der Ausführung berechnet</translation>
    </message>
    <message>
        <source>`%1` writes to the file %2</source>
        <translation>`%1` schreibt in die Datei %2</translation>
    </message>
    <message>
        <source>`%1` is evaluated as arithmetic after the script set `%2`, which can run commands</source>
        <translation>`%1` wird arithmetisch ausgewertet, nachdem das Skript `%2` gesetzt hat, was Befehle ausführen kann</translation>
    </message>
    <message>
        <source>`%1` deletes or overwrites data</source>
        <translation>`%1` löscht oder überschreibt Daten</translation>
    </message>
    <message>
        <source>`%1` stops the machine</source>
        <translation>`%1` hält die Maschine an</translation>
    </message>
    <message>
        <source>`%1` changes files</source>
        <translation>`%1` ändert Dateien</translation>
    </message>
    <message>
        <source>`%1` changes accounts</source>
        <translation>`%1` ändert Konten</translation>
    </message>
    <message>
        <source>`%1` installs or removes software</source>
        <translation>`%1` installiert oder entfernt Software</translation>
    </message>
    <message>
        <source>`%1` changes the running system</source>
        <translation>`%1` ändert das laufende System</translation>
    </message>
    <message>
        <source>`%1` changes a database cluster</source>
        <translation>`%1` ändert einen Datenbank-Cluster</translation>
    </message>
    <message>
        <source>`%1` edits files interactively</source>
        <translation>`%1` bearbeitet Dateien interaktiv</translation>
    </message>
    <message>
        <source>`find` is given `%1`, which is computed when it runs and could be an action such as -delete</source>
        <translation>`find` erhält `%1`, das erst bei der Ausführung berechnet wird und eine Aktion wie -delete sein könnte</translation>
    </message>
    <message>
        <source>`find -delete` deletes what it finds</source>
        <translation>`find -delete` löscht, was es findet</translation>
    </message>
    <message>
        <source>`find %1` writes to a file</source>
        <translation>`find %1` schreibt in eine Datei</translation>
    </message>
    <message>
        <source>`find %1` is not known to be read-only</source>
        <translation>`find %1` ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>the sed script writes to a file (w)</source>
        <translation>das sed-Skript schreibt in eine Datei (w)</translation>
    </message>
    <message>
        <source>the sed script runs commands (e)</source>
        <translation>das sed-Skript führt Befehle aus (e)</translation>
    </message>
    <message>
        <source>the sed command `%1` is not known to be read-only</source>
        <translation>der sed-Befehl `%1` ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>`sed` is given `%1`, which is computed when it runs and could be -i</source>
        <translation>`sed` erhält `%1`, das erst bei der Ausführung berechnet wird und -i sein könnte</translation>
    </message>
    <message>
        <source>`sed -i` edits files in place</source>
        <translation>`sed -i` bearbeitet Dateien direkt</translation>
    </message>
    <message>
        <source>`sed -f` runs a script from a file</source>
        <translation>`sed -f` führt ein Skript aus einer Datei aus</translation>
    </message>
    <message>
        <source>the awk program runs commands</source>
        <translation>das awk-Programm führt Befehle aus</translation>
    </message>
    <message>
        <source>the awk program pipes to or from a command</source>
        <translation>das awk-Programm leitet in einen oder aus einem Befehl um</translation>
    </message>
    <message>
        <source>the awk program prints to a file</source>
        <translation>das awk-Programm schreibt in eine Datei</translation>
    </message>
    <message>
        <source>`%1` runs a program from a file</source>
        <translation>`%1` führt ein Programm aus einer Datei aus</translation>
    </message>
    <message>
        <source>the awk program is computed when it runs</source>
        <translation>das awk-Programm wird erst bei der Ausführung berechnet</translation>
    </message>
    <message>
        <source>`curl` is given `%1`, which is computed when it runs and could be an option that sends or saves data</source>
        <translation>`curl` erhält `%1`, das erst bei der Ausführung berechnet wird und eine Option sein könnte, die Daten sendet oder speichert</translation>
    </message>
    <message>
        <source>`curl -X %1` sends a request that can change things</source>
        <translation>`curl -X %1` sendet eine Anfrage, die etwas ändern kann</translation>
    </message>
    <message>
        <source>`curl --%1` sends data</source>
        <translation>`curl --%1` sendet Daten</translation>
    </message>
    <message>
        <source>`curl -%1` sends data</source>
        <translation>`curl -%1` sendet Daten</translation>
    </message>
    <message>
        <source>`curl --config` reads its options from a file</source>
        <translation>`curl --config` liest seine Optionen aus einer Datei</translation>
    </message>
    <message>
        <source>`curl %1 %2` writes a file</source>
        <translation>`curl %1 %2` schreibt eine Datei</translation>
    </message>
    <message>
        <source>`curl -O` saves what it downloads</source>
        <translation>`curl -O` speichert, was es herunterlädt</translation>
    </message>
    <message>
        <source>`wget` is given `%1`, which is computed when it runs</source>
        <translation>`wget` erhält `%1`, das erst bei der Ausführung berechnet wird</translation>
    </message>
    <message>
        <source>`wget --%1` sends data</source>
        <translation>`wget --%1` sendet Daten</translation>
    </message>
    <message>
        <source>`wget` writes a log file or runs wgetrc commands</source>
        <translation>`wget` schreibt eine Protokolldatei oder führt wgetrc-Befehle aus</translation>
    </message>
    <message>
        <source>`wget` saves what it downloads</source>
        <translation>`wget` speichert, was es herunterlädt</translation>
    </message>
    <message>
        <source>`git -c` can make git run other programs</source>
        <translation>`git -c` kann git andere Programme ausführen lassen</translation>
    </message>
    <message>
        <source>`git grep -O` runs a pager program</source>
        <translation>`git grep -O` führt ein Pager-Programm aus</translation>
    </message>
    <message>
        <source>`git %1 --output` writes a file</source>
        <translation>`git %1 --output` schreibt eine Datei</translation>
    </message>
    <message>
        <source>`git %1` is given `%2`, which is computed when it runs</source>
        <translation>`git %1` erhält `%2`, das erst bei der Ausführung berechnet wird</translation>
    </message>
    <message>
        <source>`git %1` throws work away</source>
        <translation>`git %1` verwirft Arbeit</translation>
    </message>
    <message>
        <source>`git %1` changes the repository</source>
        <translation>`git %1` ändert das Repository</translation>
    </message>
    <message>
        <source>`redis-cli --%1` writes a dump file</source>
        <translation>`redis-cli --%1` schreibt eine Dump-Datei</translation>
    </message>
    <message>
        <source>`redis-cli --%1` is not known to be read-only</source>
        <translation>`redis-cli --%1` ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>`redis-cli` without a command reads commands from its input</source>
        <translation>`redis-cli` ohne Befehl liest Befehle aus seiner Eingabe</translation>
    </message>
    <message>
        <source>`redis-cli %1` deletes data or stops the server</source>
        <translation>`redis-cli %1` löscht Daten oder hält den Server an</translation>
    </message>
    <message>
        <source>`redis-cli %1` changes the server&apos;s data or settings</source>
        <translation>`redis-cli %1` ändert Daten oder Einstellungen des Servers</translation>
    </message>
    <message>
        <source>`redis-cli %1` is not known to be read-only</source>
        <translation>`redis-cli %1` ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>`%1 --kubeconfig` can run the credential plugins it names</source>
        <translation>`%1 --kubeconfig` kann die darin genannten Anmelde-Plugins ausführen</translation>
    </message>
    <message>
        <source>`%1` deletes Kubernetes objects</source>
        <translation>`%1` löscht Kubernetes-Objekte</translation>
    </message>
    <message>
        <source>`%1` changes Kubernetes objects</source>
        <translation>`%1` ändert Kubernetes-Objekte</translation>
    </message>
    <message>
        <source>`%1 exec` without `--` is not known to be read-only</source>
        <translation>`%1 exec` ohne `--` ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>`oc rsh` opens a shell inside a pod</source>
        <translation>`oc rsh` öffnet eine Shell in einem Pod</translation>
    </message>
    <message>
        <source>`%1 --root` is not known to be read-only</source>
        <translation>`%1 --root` ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>`%1` removes containers, images or volumes</source>
        <translation>`%1` entfernt Container, Images oder Volumes</translation>
    </message>
    <message>
        <source>`%1` changes containers or images</source>
        <translation>`%1` ändert Container oder Images</translation>
    </message>
    <message>
        <source>`systemctl %1` stops the machine or its services</source>
        <translation>`systemctl %1` hält die Maschine oder ihre Dienste an</translation>
    </message>
    <message>
        <source>`systemctl clean` deletes a unit&apos;s state and cache</source>
        <translation>`systemctl clean` löscht Zustand und Cache einer Unit</translation>
    </message>
    <message>
        <source>`systemctl %1` changes services</source>
        <translation>`systemctl %1` ändert Dienste</translation>
    </message>
    <message>
        <source>`service %1` changes a service</source>
        <translation>`service %1` ändert einen Dienst</translation>
    </message>
    <message>
        <source>`journalctl --%1` changes the journal files</source>
        <translation>`journalctl --%1` ändert die Journaldateien</translation>
    </message>
    <message>
        <source>`top` without -b is interactive: add -b -n 1</source>
        <translation>`top` ohne -b ist interaktiv: -b -n 1 angeben</translation>
    </message>
    <message>
        <source>`sort --compress-program` runs a program</source>
        <translation>`sort --compress-program` führt ein Programm aus</translation>
    </message>
    <message>
        <source>`sort -o` writes a file</source>
        <translation>`sort -o` schreibt eine Datei</translation>
    </message>
    <message>
        <source>`sort` is given `%1`, which is computed when it runs and could be -o</source>
        <translation>`sort` erhält `%1`, das erst bei der Ausführung berechnet wird und -o sein könnte</translation>
    </message>
    <message>
        <source>`uniq` writes its second file argument</source>
        <translation>`uniq` schreibt in sein zweites Dateiargument</translation>
    </message>
    <message>
        <source>`%1 -9` kills processes without letting them clean up</source>
        <translation>`%1 -9` beendet Prozesse, ohne sie aufräumen zu lassen</translation>
    </message>
    <message>
        <source>`%1` signals processes</source>
        <translation>`%1` sendet Signale an Prozesse</translation>
    </message>
    <message>
        <source>`crontab -r` deletes the crontab</source>
        <translation>`crontab -r` löscht die Crontab</translation>
    </message>
    <message>
        <source>`crontab` replaces or edits the crontab</source>
        <translation>`crontab` ersetzt oder bearbeitet die Crontab</translation>
    </message>
    <message>
        <source>`tar --%1` is not known to be read-only</source>
        <translation>`tar --%1` ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>`tar -%1` writes files</source>
        <translation>`tar -%1` schreibt Dateien</translation>
    </message>
    <message>
        <source>`tar` writes files</source>
        <translation>`tar` schreibt Dateien</translation>
    </message>
    <message>
        <source>`%1` replaces files with their (de)compressed form</source>
        <translation>`%1` ersetzt Dateien durch ihre (de)komprimierte Form</translation>
    </message>
    <message>
        <source>`openssl %1` is not known to be read-only</source>
        <translation>`openssl %1` ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>`openssl %1 %2` writes a file</source>
        <translation>`openssl %1 %2` schreibt eine Datei</translation>
    </message>
    <message>
        <source>`dmesg -%1` changes the kernel log</source>
        <translation>`dmesg -%1` ändert das Kernel-Protokoll</translation>
    </message>
    <message>
        <source>`dmesg --%1` changes the kernel log</source>
        <translation>`dmesg --%1` ändert das Kernel-Protokoll</translation>
    </message>
    <message>
        <source>`date` sets the clock</source>
        <translation>`date` stellt die Uhr</translation>
    </message>
    <message>
        <source>`hostname` sets the host name</source>
        <translation>`hostname` setzt den Hostnamen</translation>
    </message>
    <message>
        <source>`ss -K` closes sockets</source>
        <translation>`ss -K` schließt Sockets</translation>
    </message>
    <message>
        <source>`ss -D` writes a file</source>
        <translation>`ss -D` schreibt eine Datei</translation>
    </message>
    <message>
        <source>`ip -batch` runs commands from a file</source>
        <translation>`ip -batch` führt Befehle aus einer Datei aus</translation>
    </message>
    <message>
        <source>`ip %1 %2` changes the network configuration</source>
        <translation>`ip %1 %2` ändert die Netzwerkkonfiguration</translation>
    </message>
    <message>
        <source>`mount` changes what is mounted</source>
        <translation>`mount` ändert, was eingehängt ist</translation>
    </message>
    <message>
        <source>`%1 %2` changes the system&apos;s settings</source>
        <translation>`%1 %2` ändert die Einstellungen des Systems</translation>
    </message>
    <message>
        <source>`sysctl` changes kernel settings</source>
        <translation>`sysctl` ändert Kernel-Einstellungen</translation>
    </message>
    <message>
        <source>`%1` changes firewall rules</source>
        <translation>`%1` ändert Firewall-Regeln</translation>
    </message>
    <message>
        <source>`%1` deletes cloud resources</source>
        <translation>`%1` löscht Cloud-Ressourcen</translation>
    </message>
    <message>
        <source>`%1 %2` is not known to be read-only</source>
        <translation>`%1 %2` ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>`%1 %2` installs or removes software</source>
        <translation>`%1 %2` installiert oder entfernt Software</translation>
    </message>
    <message>
        <source>`helm %1` removes a release</source>
        <translation>`helm %1` entfernt ein Release</translation>
    </message>
    <message>
        <source>`helm %1` changes releases</source>
        <translation>`helm %1` ändert Releases</translation>
    </message>
    <message>
        <source>`rabbitmqctl %1` deletes messages or settings</source>
        <translation>`rabbitmqctl %1` löscht Nachrichten oder Einstellungen</translation>
    </message>
    <message>
        <source>`rabbitmqctl %1` changes the broker</source>
        <translation>`rabbitmqctl %1` ändert den Broker</translation>
    </message>
    <message>
        <source>`%1 -f` writes a dump file</source>
        <translation>`%1 -f` schreibt eine Dump-Datei</translation>
    </message>
    <message>
        <source>`pg_restore` restores data over what is there</source>
        <translation>`pg_restore` stellt Daten über die vorhandenen wieder her</translation>
    </message>
    <message>
        <source>`%1 -c` runs text computed when it runs</source>
        <translation>`%1 -c` führt Text aus, der erst bei der Ausführung berechnet wird</translation>
    </message>
    <message>
        <source>`%1 --rcfile` runs a file</source>
        <translation>`%1 --rcfile` führt eine Datei aus</translation>
    </message>
    <message>
        <source>`%1 %2` runs a script file</source>
        <translation>`%1 %2` führt eine Skriptdatei aus</translation>
    </message>
    <message>
        <source>the here-document fed to `%1` pastes values into the script it runs; quote its delimiter (&lt;&lt;&apos;EOF&apos;)</source>
        <translation>das Here-Dokument für `%1` fügt Werte in das auszuführende Skript ein; setzen Sie seinen Begrenzer in Anführungszeichen (&lt;&lt;&apos;EOF&apos;)</translation>
    </message>
    <message>
        <source>`%1` reads the script it runs from its input</source>
        <translation>`%1` liest das auszuführende Skript aus seiner Eingabe</translation>
    </message>
    <message>
        <source>`%1` runs code that is not known to be read-only</source>
        <translation>`%1` führt Code aus, der nicht als nur lesend bekannt ist</translation>
    </message>
    <message>
        <source>`sudo -e` edits files</source>
        <translation>`sudo -e` bearbeitet Dateien</translation>
    </message>
    <message>
        <source>`env -S` splits a string into a command</source>
        <translation>`env -S` zerlegt eine Zeichenkette in einen Befehl</translation>
    </message>
    <message>
        <source>`%1` in the environment can change what a program does</source>
        <translation>`%1` in der Umgebung kann ändern, was ein Programm tut</translation>
    </message>
    <message>
        <source>`ionice -p` changes a process&apos;s priority</source>
        <translation>`ionice -p` ändert die Priorität eines Prozesses</translation>
    </message>
    <message>
        <source>`%1` without a command is not known to be read-only</source>
        <translation>`%1` ohne Befehl ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>`ssh -o %1` is not known to be read-only</source>
        <translation>`ssh -o %1` ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>`ssh -F` reads a configuration that can run commands</source>
        <translation>`ssh -F` liest eine Konfiguration, die Befehle ausführen kann</translation>
    </message>
    <message>
        <source>`ssh -E` writes a log file</source>
        <translation>`ssh -E` schreibt eine Protokolldatei</translation>
    </message>
    <message>
        <source>`ssh` without a command opens an interactive shell</source>
        <translation>`ssh` ohne Befehl öffnet eine interaktive Shell</translation>
    </message>
    <message>
        <source>the command given to `ssh` is computed when it runs</source>
        <translation>der an `ssh` übergebene Befehl wird erst bei der Ausführung berechnet</translation>
    </message>
    <message>
        <source>the here-document sent through `ssh` pastes values into what the remote side runs; quote its delimiter (&lt;&lt;&apos;EOF&apos;)</source>
        <translation>das über `ssh` gesendete Here-Dokument fügt Werte in das ein, was die Gegenseite ausführt; setzen Sie seinen Begrenzer in Anführungszeichen (&lt;&lt;&apos;EOF&apos;)</translation>
    </message>
    <message>
        <source>`eval` runs text computed when it runs</source>
        <translation>`eval` führt Text aus, der erst bei der Ausführung berechnet wird</translation>
    </message>
    <message>
        <source>`%1 -C` runs a callback</source>
        <translation>`%1 -C` führt einen Callback aus</translation>
    </message>
    <message>
        <source>exporting `%1` can change what later programs do</source>
        <translation>das Exportieren von `%1` kann ändern, was spätere Programme tun</translation>
    </message>
    <message>
        <source>`%1 -%2` is not known to be read-only</source>
        <translation>`%1 -%2` ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>`%1` expands the array value `%2` as shell words</source>
        <translation>`%1` expandiert den Array-Wert `%2` als Shell-Wörter</translation>
    </message>
    <message>
        <source>`%1` is given the name `%2`, whose subscript is evaluated and can run commands</source>
        <translation>`%1` erhält den Namen `%2`, dessen Index ausgewertet wird und Befehle ausführen kann</translation>
    </message>
    <message>
        <source>`%1 -v %2` evaluates a subscript, which can run commands</source>
        <translation>`%1 -v %2` wertet einen Index aus, was Befehle ausführen kann</translation>
    </message>
    <message>
        <source>`set %1` is not known to be read-only</source>
        <translation>`set %1` ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>`%1` evaluates arithmetic, which can run commands</source>
        <translation>`%1` wertet Arithmetik aus, was Befehle ausführen kann</translation>
    </message>
    <message>
        <source>`%1` runs a file as shell code</source>
        <translation>`%1` führt eine Datei als Shell-Code aus</translation>
    </message>
    <message>
        <source>`%1` sends data; only `%1 -z` (a port check) is known to be read-only</source>
        <translation>`%1` sendet Daten; nur `%1 -z` (eine Portprüfung) ist als nur lesend bekannt</translation>
    </message>
    <message>
        <source>`%1 %2` starts or signals the web server</source>
        <translation>`%1 %2` startet den Webserver oder sendet ihm ein Signal</translation>
    </message>
    <message>
        <source>`certbot %1` changes certificates</source>
        <translation>`certbot %1` ändert Zertifikate</translation>
    </message>
    <message>
        <source>`rg --pre` runs a program on every file</source>
        <translation>`rg --pre` führt für jede Datei ein Programm aus</translation>
    </message>
    <message>
        <source>`tree -o` writes a file</source>
        <translation>`tree -o` schreibt eine Datei</translation>
    </message>
    <message>
        <source>`file -C` writes a compiled magic file</source>
        <translation>`file -C` schreibt eine kompilierte Magic-Datei</translation>
    </message>
    <message>
        <source>`xxd` writes its second file argument</source>
        <translation>`xxd` schreibt in sein zweites Dateiargument</translation>
    </message>
    <message>
        <source>`psql %1` writes a file</source>
        <translation>`psql %1` schreibt eine Datei</translation>
    </message>
    <message>
        <source>`psql -f` runs SQL from a file</source>
        <translation>`psql -f` führt SQL aus einer Datei aus</translation>
    </message>
    <message>
        <source>the SQL given to `psql -c` is computed when it runs</source>
        <translation>das an `psql -c` übergebene SQL wird erst bei der Ausführung berechnet</translation>
    </message>
    <message>
        <source>the here-document fed to `psql` pastes values into its SQL; pass them with -v and :&apos;name&apos;, and quote the delimiter (&lt;&lt;&apos;SQL&apos;)</source>
        <translation>das Here-Dokument für `psql` fügt Werte in sein SQL ein; übergeben Sie sie mit -v und :&apos;name&apos; und setzen Sie den Begrenzer in Anführungszeichen (&lt;&lt;&apos;SQL&apos;)</translation>
    </message>
    <message>
        <source>`psql` without -c reads its SQL from its input</source>
        <translation>`psql` ohne -c liest sein SQL aus seiner Eingabe</translation>
    </message>
    <message>
        <source>`%1` sounds destructive and is not known</source>
        <translation>`%1` klingt zerstörerisch und ist nicht bekannt</translation>
    </message>
    <message>
        <source>`%1` is not a program OpsDeck knows</source>
        <translation>`%1` ist kein Programm, das OpsDeck kennt</translation>
    </message>
    <message>
        <source>the command has no program name</source>
        <translation>der Befehl hat keinen Programmnamen</translation>
    </message>
    <message>
        <source>`%1` with `%2` can lose data or running work</source>
        <translation>`%1` mit `%2` kann Daten oder laufende Arbeit verlieren</translation>
    </message>
    <message>
        <source>`pg_restore -f` writes a file</source>
        <translation>`pg_restore -f` schreibt eine Datei</translation>
    </message>
</context>
<context>
    <name>CommandRunner</name>
    <message>
        <source>Not run: the audit log cannot be written (%1).</source>
        <translation>Nicht ausgeführt: Das Prüfprotokoll kann nicht geschrieben werden (%1).</translation>
    </message>
    <message>
        <source>`%1` in the environment can change what a program does</source>
        <translation>`%1` in der Umgebung kann ändern, was ein Programm tut</translation>
    </message>
    <message>
        <source>the action is declared %1</source>
        <translation>die Aktion ist als %1 deklariert</translation>
    </message>
</context>
<context>
    <name>CommunicationTemplates</name>
    <message>
        <source>less than a minute</source>
        <translation>weniger als eine Minute</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>Eröffnung</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Zwischenstand</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Behebung</translation>
    </message>
    <message>
        <source>Customer notice</source>
        <translation>Kundeninformation</translation>
    </message>
    <message>
        <source>INCIDENT DECLARED – {reference}: {title}

Severity: {severity} ({severity_meaning})
Status: {status}
Affected services: {services}
Declared: {declared_at}
Incident commander: {commander}

Impact:
{impact}

Next update by {next_update}.
</source>
        <translation>VORFALL ERÖFFNET – {reference}: {title}

Schweregrad: {severity} ({severity_meaning})
Status: {status}
Betroffene Dienste: {services}
Eröffnet: {declared_at}
Einsatzleitung: {commander}

Auswirkungen:
{impact}

Nächster Zwischenstand bis {next_update}.
</translation>
    </message>
    <message>
        <source>INCIDENT UPDATE – {reference}: {title} ({elapsed} since declaration)

Severity: {severity} ({severity_meaning})
Status: {status}
Affected services: {services}

Impact:
{impact}

What we know about the cause:
{root_cause}

Next update by {next_update}. Incident commander: {commander}
</source>
        <translation>ZWISCHENSTAND ZUM VORFALL – {reference}: {title} ({elapsed} seit Eröffnung)

Schweregrad: {severity} ({severity_meaning})
Status: {status}
Betroffene Dienste: {services}

Auswirkungen:
{impact}

Was wir über die Ursache wissen:
{root_cause}

Nächster Zwischenstand bis {next_update}. Einsatzleitung: {commander}
</translation>
    </message>
    <message>
        <source>INCIDENT RESOLVED – {reference}: {title}

Severity: {severity}
Affected services: {services}
Duration: {duration}

Impact:
{impact}

Root cause:
{root_cause}

A post-incident report will follow. Incident commander: {commander}
</source>
        <translation>VORFALL BEHOBEN – {reference}: {title}

Schweregrad: {severity}
Betroffene Dienste: {services}
Dauer: {duration}

Auswirkungen:
{impact}

Ursache:
{root_cause}

Ein Nachbericht zum Vorfall folgt. Einsatzleitung: {commander}
</translation>
    </message>
    <message>
        <source>Subject: Service disruption – {services}

Hello,

since {declared_at} some of our services have not been working as they should. What you may notice: {impact}

Our engineers are on it (current status: {status}). You will hear from us again by {next_update} at the latest.

We are sorry for the trouble this causes.
</source>
        <translation>Betreff: Störung – {services}

Guten Tag,

seit {declared_at} funktionieren einige unserer Dienste nicht wie vorgesehen. Was Sie bemerken könnten: {impact}

Unser Technikteam arbeitet bereits daran (aktueller Stand: {status}). Sie hören bis spätestens {next_update} wieder von uns.

Wir bitten, die Unannehmlichkeiten zu entschuldigen.
</translation>
    </message>
</context>
<context>
    <name>ConnectionState</name>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>wird verbunden</translation>
    </message>
    <message>
        <source>authenticating</source>
        <translation>wird authentifiziert</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ContainerActions</name>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Previous Logs</source>
        <translation>Vorherige Protokolle</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Scale…</source>
        <translation>Skalieren…</translation>
    </message>
    <message>
        <source>Restart Service</source>
        <translation>Dienst neu starten</translation>
    </message>
    <message>
        <source>Compose Up</source>
        <translation>Compose hochfahren</translation>
    </message>
    <message>
        <source>Compose Down</source>
        <translation>Compose herunterfahren</translation>
    </message>
    <message>
        <source>%1 does not apply to %2</source>
        <translation>%1 ist für %2 nicht möglich</translation>
    </message>
    <message>
        <source>Scale needs the number of replicas</source>
        <translation>Skalieren braucht die Anzahl der Replikate</translation>
    </message>
    <message>
        <source>Logs open in the log viewer</source>
        <translation>Protokolle öffnen sich in der Protokollansicht</translation>
    </message>
    <message>
        <source>%1 does not apply to pods</source>
        <translation>%1 ist für Pods nicht möglich</translation>
    </message>
    <message>
        <source>Scale is not supported for podman-compose projects: podman-compose ignores --scale. Set deploy.replicas for %1 in the compose file and use Compose Up.</source>
        <translation>Skalieren wird für podman-compose-Projekte nicht unterstützt: podman-compose ignoriert --scale. Setzen Sie deploy.replicas für %1 in der Compose-Datei und verwenden Sie Compose Up.</translation>
    </message>
</context>
<context>
    <name>ContainerCondition</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Progressing</source>
        <translation>Im Übergang</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>ContainerDetails</name>
    <message>
        <source>offset %1: %2</source>
        <translation>Position %1: %2</translation>
    </message>
    <message>
        <source>host path %1</source>
        <translation>Host-Pfad %1</translation>
    </message>
    <message>
        <source>claim %1</source>
        <translation>Claim %1</translation>
    </message>
    <message>
        <source>config map %1</source>
        <translation>ConfigMap %1</translation>
    </message>
    <message>
        <source>secret %1</source>
        <translation>Secret %1</translation>
    </message>
    <message>
        <source>empty directory</source>
        <translation>leeres Verzeichnis</translation>
    </message>
    <message>
        <source>projected</source>
        <translation>projiziert</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Host binding</source>
        <translation>Host-Bindung</translation>
    </message>
    <message>
        <source>CPU request</source>
        <translation>CPU-Anforderung</translation>
    </message>
    <message>
        <source>CPU limit</source>
        <translation>CPU-Limit</translation>
    </message>
    <message>
        <source>Memory request</source>
        <translation>Speicheranforderung</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>Speicherlimit</translation>
    </message>
    <message>
        <source>volume %1</source>
        <translation>Volume %1</translation>
    </message>
    <message>
        <source>%1 shares</source>
        <translation>%1 Anteile</translation>
    </message>
    <message>
        <source>from secret %1, key %2</source>
        <translation>aus Secret %1, Schlüssel %2</translation>
    </message>
    <message>
        <source>from config map %1, key %2</source>
        <translation>aus ConfigMap %1, Schlüssel %2</translation>
    </message>
    <message>
        <source>from field %1</source>
        <translation>aus Feld %1</translation>
    </message>
    <message>
        <source>from resource %1</source>
        <translation>aus Ressource %1</translation>
    </message>
    <message>
        <source>every key of secret %1</source>
        <translation>alle Schlüssel von Secret %1</translation>
    </message>
    <message>
        <source>every key of config map %1</source>
        <translation>alle Schlüssel von ConfigMap %1</translation>
    </message>
    <message>
        <source> (sub path %1)</source>
        <translation> (Unterpfad %1)</translation>
    </message>
    <message>
        <source>No connection to %1</source>
        <translation>Keine Verbindung zu %1</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Ereignisse: %1</translation>
    </message>
    <message>
        <source>Describe is for Kubernetes pods</source>
        <translation>Describe gibt es für Kubernetes-Pods</translation>
    </message>
</context>
<context>
    <name>ContainerPoller</name>
    <message>
        <source>exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
    <message>
        <source>host %1 is not in the workspace</source>
        <translation>Host %1 ist nicht im Arbeitsbereich</translation>
    </message>
    <message>
        <source>kubectl has no current context</source>
        <translation>kubectl hat keinen aktuellen Kontext</translation>
    </message>
    <message>
        <source>%1 is not installed</source>
        <translation>%1 ist nicht installiert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no longer listed</source>
        <translation>nicht mehr aufgeführt</translation>
    </message>
    <message>
        <source>next try now</source>
        <translation>nächster Versuch jetzt</translation>
    </message>
    <message>
        <source>next try in %1</source>
        <translation>nächster Versuch in %1</translation>
    </message>
</context>
<context>
    <name>ContainerRuntime</name>
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>Podman</source>
        <translation>Podman</translation>
    </message>
    <message>
        <source>Kubernetes</source>
        <translation>Kubernetes</translation>
    </message>
</context>
<context>
    <name>ContainersCommand</name>
    <message>
        <source>Every container and pod of the workspace&apos;s hosts (or the HOSTs named), read once: docker, podman and kubectl on each host. Exit status 1 when a host or runtime could not be read.</source>
        <translation>Alle Container und Pods der Hosts des Arbeitsbereichs (oder der genannten HOSTs), einmal gelesen: docker, podman und kubectl auf jedem Host. Exit-Status 1, wenn ein Host oder eine Laufzeit nicht gelesen werden konnte.</translation>
    </message>
    <message>
        <source>Read the hosts of the workspace FILE.</source>
        <translation>Die Hosts des Arbeitsbereichs DATEI lesen.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Only this runtime (docker, podman, kubernetes); repeatable.</source>
        <translation>Nur diese Laufzeit (docker, podman, kubernetes); wiederholbar.</translation>
    </message>
    <message>
        <source>RUNTIME</source>
        <translation>LAUFZEIT</translation>
    </message>
    <message>
        <source>Kubernetes: this context; repeatable.</source>
        <translation>Kubernetes: dieser Kontext; wiederholbar.</translation>
    </message>
    <message>
        <source>CONTEXT</source>
        <translation>KONTEXT</translation>
    </message>
    <message>
        <source>Kubernetes: this namespace; repeatable.</source>
        <translation>Kubernetes: dieser Namespace; wiederholbar.</translation>
    </message>
    <message>
        <source>NAMESPACE</source>
        <translation>NAMESPACE</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Accept a host key that no known_hosts file has.</source>
        <translation>Einen Host-Schlüssel akzeptieren, den keine known_hosts-Datei enthält.</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>Hosts to read (default: every host).</source>
        <translation>Zu lesende Hosts (Standard: alle Hosts).</translation>
    </message>
    <message>
        <source>[HOST...]</source>
        <translation>[HOST...]</translation>
    </message>
    <message>
        <source>opsdeck containers: unknown runtime &apos;%1&apos;; use docker, podman or kubernetes</source>
        <translation>opsdeck containers: unbekannte Laufzeit &apos;%1&apos;; docker, podman oder kubernetes verwenden</translation>
    </message>
    <message>
        <source>opsdeck containers: the workspace has no host &apos;%1&apos;</source>
        <translation>opsdeck containers: der Arbeitsbereich hat keinen Host &apos;%1&apos;</translation>
    </message>
    <message>
        <source>opsdeck containers: the audit log cannot be opened: %1</source>
        <translation>opsdeck containers: das Audit-Protokoll kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <source>WHERE</source>
        <translation>WO</translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation>PROJEKT</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>BEREIT</translation>
    </message>
    <message>
        <source>RESTARTS</source>
        <translation>NEUSTARTS</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>MEMORY</source>
        <translation>SPEICHER</translation>
    </message>
    <message>
        <source>AGE</source>
        <translation>ALTER</translation>
    </message>
    <message>
        <source>opsdeck containers: %1 on %2: %3</source>
        <translation>opsdeck containers: %1 auf %2: %3</translation>
    </message>
</context>
<context>
    <name>DatabaseConnection</name>
    <message>
        <source>PostgreSQL database %1: Qt&apos;s PostgreSQL driver (QPSQL) is not installed</source>
        <translation>PostgreSQL-Datenbank %1: Qts PostgreSQL-Treiber (QPSQL) ist nicht installiert</translation>
    </message>
    <message>
        <source>PostgreSQL database %1 (%2 at %3): %4</source>
        <translation>PostgreSQL-Datenbank %1 (%2 auf %3): %4</translation>
    </message>
</context>
<context>
    <name>DatabaseModels</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Opened by OpsDeck: never a target of its actions</source>
        <translation>Von OpsDeck geöffnet: nie Ziel seiner Aktionen</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>%1 (OpsDeck)</source>
        <translation>%1 (OpsDeck)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Blockiert von</translation>
    </message>
    <message>
        <source>Query age</source>
        <translation>Abfragealter</translation>
    </message>
    <message>
        <source>Transaction age</source>
        <translation>Transaktionsalter</translation>
    </message>
    <message>
        <source>Backend age</source>
        <translation>Backend-Alter</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation>Cache-Treffer</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Temp blocks</source>
        <translation>Temp-Blöcke</translation>
    </message>
    <message>
        <source>%1 (auto)</source>
        <translation>%1 (auto)</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Table size</source>
        <translation>Tabellengröße</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <source>TOAST</source>
        <translation>TOAST</translation>
    </message>
    <message>
        <source>Live rows</source>
        <translation>Lebende Zeilen</translation>
    </message>
    <message>
        <source>Dead rows</source>
        <translation>Tote Zeilen</translation>
    </message>
    <message>
        <source>Dead %</source>
        <translation>Tot %</translation>
    </message>
    <message>
        <source>Dead rows as a share of all rows: the bloat that VACUUM can reclaim</source>
        <translation>Tote Zeilen als Anteil aller Zeilen: der Ballast, den VACUUM zurückgewinnen kann</translation>
    </message>
    <message>
        <source>Seq scans</source>
        <translation>Seq-Scans</translation>
    </message>
    <message>
        <source>Index scans</source>
        <translation>Index-Scans</translation>
    </message>
    <message>
        <source>Last vacuum</source>
        <translation>Letztes Vacuum</translation>
    </message>
    <message>
        <source>Last analyze</source>
        <translation>Letztes Analyze</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>unused</source>
        <translation>ungenutzt</translation>
    </message>
    <message>
        <source>duplicate of %1</source>
        <translation>Duplikat von %1</translation>
    </message>
    <message>
        <source>Never scanned since the statistics were reset, and no constraint needs it</source>
        <translation>Seit dem Zurücksetzen der Statistik nie gelesen, und kein Constraint braucht ihn</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Replica</source>
        <translation>Replikat</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <source>Write lag</source>
        <translation>Schreibrückstand</translation>
    </message>
    <message>
        <source>Flush lag</source>
        <translation>Flush-Rückstand</translation>
    </message>
    <message>
        <source>Replay lag</source>
        <translation>Replay-Rückstand</translation>
    </message>
    <message>
        <source>Sent LSN</source>
        <translation>Gesendete LSN</translation>
    </message>
    <message>
        <source>Replayed LSN</source>
        <translation>Eingespielte LSN</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>yes (pid %1)</source>
        <translation>ja (PID %1)</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Retained WAL</source>
        <translation>Zurückgehaltenes WAL</translation>
    </message>
    <message>
        <source>Nobody reads this slot: the server keeps every WAL segment since its position, until the disk fills. Drop the slot if its consumer is gone.</source>
        <translation>Niemand liest diesen Slot: Der Server behält jedes WAL-Segment seit seiner Position, bis die Platte voll ist. Löschen Sie den Slot, wenn sein Verbraucher weg ist.</translation>
    </message>
    <message>
        <source>WAL status</source>
        <translation>WAL-Status</translation>
    </message>
    <message>
        <source>Commits</source>
        <translation>Commits</translation>
    </message>
    <message>
        <source>Rollbacks</source>
        <translation>Rollbacks</translation>
    </message>
    <message>
        <source>Deadlocks</source>
        <translation>Deadlocks</translation>
    </message>
    <message>
        <source>Temp files</source>
        <translation>Temp-Dateien</translation>
    </message>
    <message>
        <source>Temp bytes</source>
        <translation>Temp-Bytes</translation>
    </message>
    <message>
        <source>Waits for a session above it: these sessions wait for each other in a ring. PostgreSQL&apos;s deadlock detector ends one of them.</source>
        <translation>Wartet auf eine Sitzung über ihr: Diese Sitzungen warten ringförmig aufeinander. PostgreSQLs Deadlock-Erkennung beendet eine davon.</translation>
    </message>
    <message>
        <source>A ring of sessions waiting for each other: none is the root; the lowest pid is shown first.</source>
        <translation>Ein Ring von Sitzungen, die aufeinander warten: Keine ist die Wurzel; die niedrigste PID steht zuerst.</translation>
    </message>
    <message>
        <source>Root blocker: holds the lock the sessions beneath it wait for, and waits for nobody. Cancelling its query or terminating it frees them.</source>
        <translation>Wurzel-Blockierer: hält die Sperre, auf die die Sitzungen darunter warten, und wartet auf niemanden. Seine Abfrage abzubrechen oder ihn zu beenden gibt sie frei.</translation>
    </message>
    <message>
        <source>%1 (cycle)</source>
        <translation>%1 (Zyklus)</translation>
    </message>
    <message>
        <source>%1 (also above)</source>
        <translation>%1 (auch oben)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 on %2 %3</source>
        <translation>%1 auf %2 %3</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Waits for</source>
        <translation>Wartet auf</translation>
    </message>
    <message>
        <source>Waiting / running</source>
        <translation>Wartet / läuft</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Untätig</translation>
    </message>
    <message>
        <source>Idle in transaction</source>
        <translation>Untätig in Transaktion</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Transactions/s</source>
        <translation>Transaktionen/s</translation>
    </message>
    <message>
        <source>Rollbacks/s</source>
        <translation>Rollbacks/s</translation>
    </message>
    <message>
        <source>Backend type</source>
        <translation>Backend-Typ</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>Lesevorgänge</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Writes</source>
        <translation>Schreibvorgänge</translation>
    </message>
    <message>
        <source>Extends</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <source>Evictions</source>
        <translation>Verdrängungen</translation>
    </message>
    <message>
        <source>Fsyncs</source>
        <translation>Fsyncs</translation>
    </message>
    <message>
        <source>Unknown: no statistics for every column (ANALYZE the table; pg_stats shows only the columns this role may SELECT), or no storage of its own</source>
        <translation>Unbekannt: nicht für jede Spalte Statistiken (ANALYZE auf die Tabelle; pg_stats zeigt nur die Spalten, die diese Rolle lesen darf) oder kein eigener Speicher</translation>
    </message>
    <message>
        <source>Estimated space beyond what the rows need, from the pages and the column widths of the last ANALYZE: VACUUM FULL or pg_repack gives it back</source>
        <translation>Geschätzter Platz über das hinaus, was die Zeilen brauchen, aus den Seiten und Spaltenbreiten des letzten ANALYZE: VACUUM FULL oder pg_repack gibt ihn zurück</translation>
    </message>
    <message>
        <source>Bloat</source>
        <translation>Aufblähung</translation>
    </message>
    <message>
        <source>Bloat %</source>
        <translation>Aufblähung %</translation>
    </message>
    <message>
        <source>holds %1 on %2</source>
        <translation>hält %1 auf %2</translation>
    </message>
</context>
<context>
    <name>DatabaseSession</name>
    <message>
        <source>Database %1 needs the password in keychain entry &apos;%2&apos;, and no keychain is open here.</source>
        <translation>Datenbank %1 braucht das Passwort aus dem Schlüsselbund-Eintrag „%2“, und hier ist kein Schlüsselbund geöffnet.</translation>
    </message>
    <message>
        <source>Database %1: %2</source>
        <translation>Datenbank %1: %2</translation>
    </message>
    <message>
        <source>Database %1: cannot reach host %2 to connect through it</source>
        <translation>Datenbank %1: Host %2 ist nicht erreichbar, um sich über ihn zu verbinden</translation>
    </message>
    <message>
        <source>through %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>Database %1: cannot reach %2:%3 through %4: %5</source>
        <translation>Datenbank %1: %2:%3 ist über %4 nicht erreichbar: %5</translation>
    </message>
    <message>
        <source>No session chosen.</source>
        <translation>Keine Sitzung gewählt.</translation>
    </message>
    <message>
        <source>Session %1 is OpsDeck&apos;s own connection: OpsDeck never cancels or terminates it.</source>
        <translation>Sitzung %1 ist OpsDecks eigene Verbindung: OpsDeck bricht sie nie ab und beendet sie nie.</translation>
    </message>
    <message>
        <source>Session %1 belongs to OpsDeck (%2): OpsDeck never cancels or terminates its own sessions.</source>
        <translation>Sitzung %1 gehört zu OpsDeck (%2): OpsDeck bricht seine eigenen Sitzungen nie ab und beendet sie nie.</translation>
    </message>
    <message>
        <source>No safety gate: actions are off.</source>
        <translation>Keine Sicherheitsschranke: Aktionen sind aus.</translation>
    </message>
    <message>
        <source>Not run: the database is not connected.</source>
        <translation>Nicht ausgeführt: Die Datenbank ist nicht verbunden.</translation>
    </message>
    <message>
        <source>Database action: %1</source>
        <translation>Datenbankaktion: %1</translation>
    </message>
    <message>
        <source>Database action failed: %1 — %2</source>
        <translation>Datenbankaktion fehlgeschlagen: %1 — %2</translation>
    </message>
    <message>
        <source>Session %1 is gone, or is an OpsDeck session: nothing was signalled.</source>
        <translation>Sitzung %1 ist weg oder eine OpsDeck-Sitzung: Es wurde nichts signalisiert.</translation>
    </message>
    <message>
        <source>PostgreSQL did not signal session %1: it ended meanwhile.</source>
        <translation>PostgreSQL hat Sitzung %1 nicht signalisiert: Sie endete inzwischen.</translation>
    </message>
    <message>
        <source>Database %1 is not connected.</source>
        <translation>Datenbank %1 ist nicht verbunden.</translation>
    </message>
    <message>
        <source>No idle session to terminate.</source>
        <translation>Keine untätige Sitzung zu beenden.</translation>
    </message>
    <message>
        <source>%1 of %2 sessions were terminated; the others were no longer idle that long or had ended.</source>
        <translation>%1 von %2 Sitzungen wurden beendet; die übrigen waren nicht mehr so lange untätig oder schon beendet.</translation>
    </message>
    <message>
        <source>Table %1 does not exist.</source>
        <translation>Tabelle %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>cancel the query of pid %1</source>
        <translation>Abfrage von PID %1 abbrechen</translation>
    </message>
    <message>
        <source>terminate backend pid %1</source>
        <translation>Backend-PID %1 beenden</translation>
    </message>
    <message numerus="yes">
        <source>terminate %n session(s) idle over %1 min (pids %2)</source>
        <translation>
            <numerusform>%n Sitzung beenden, die länger als %1 min untätig ist (PIDs %2)</numerusform>
            <numerusform>%n Sitzungen beenden, die länger als %1 min untätig sind (PIDs %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>reset pg_stat_statements</source>
        <translation>pg_stat_statements zurücksetzen</translation>
    </message>
    <message>
        <source>%1; not retried until the password changes or you refresh</source>
        <translation>%1; kein neuer Versuch, bis sich das Passwort ändert oder Sie aktualisieren</translation>
    </message>
</context>
<context>
    <name>DatabaseViews</name>
    <message>
        <source>pg_stat_statements is not installed in database %1. To enable it: add pg_stat_statements to shared_preload_libraries in postgresql.conf (shared_preload_libraries = &apos;pg_stat_statements&apos;), restart PostgreSQL, then run CREATE EXTENSION pg_stat_statements; in %1 as a superuser.</source>
        <translation>pg_stat_statements ist in Datenbank %1 nicht installiert. So aktivieren Sie es: pg_stat_statements in postgresql.conf zu shared_preload_libraries hinzufügen (shared_preload_libraries = &apos;pg_stat_statements&apos;), PostgreSQL neu starten, dann als Superuser in %1 CREATE EXTENSION pg_stat_statements; ausführen.</translation>
    </message>
    <message>
        <source>the server returned no row</source>
        <translation>der Server lieferte keine Zeile</translation>
    </message>
    <message>
        <source>pg_stat_statements is installed in %1 but not loaded: add it to shared_preload_libraries in postgresql.conf and restart PostgreSQL.</source>
        <translation>pg_stat_statements ist in %1 installiert, aber nicht geladen: Fügen Sie es in postgresql.conf zu shared_preload_libraries hinzu und starten Sie PostgreSQL neu.</translation>
    </message>
    <message>
        <source>see other users&apos; query texts, client addresses and wait events in Activity and Locks, their statements in Slow queries, and the replicas&apos; positions in Replication (pg_monitor includes it)</source>
        <translation>die Abfragetexte, Client-Adressen und Warteereignisse anderer Benutzer unter Aktivität und Sperren, ihre Anweisungen unter Langsame Abfragen und die Positionen der Replikate unter Replikation zu sehen (pg_monitor enthält es)</translation>
    </message>
    <message>
        <source>cancel and terminate other users&apos; sessions</source>
        <translation>Sitzungen anderer Benutzer abzubrechen und zu beenden</translation>
    </message>
    <message>
        <source>reset pg_stat_statements (Reset Statistics in Slow queries)</source>
        <translation>pg_stat_statements zurückzusetzen (Statistik zurücksetzen unter Langsame Abfragen)</translation>
    </message>
    <message>
        <source>Grant %1 to %2 to %3.</source>
        <translation>Gewähren Sie %2 %1, um %3.</translation>
    </message>
</context>
<context>
    <name>DbCommand</name>
    <message>
        <source>The DBA views of a workspace database, read once, and its actions through the safety gate.

  db overview|locks|slow|tables|replication DATABASE [--json]
  db activity DATABASE [--hide-idle] [--min-duration SECONDS] [--json]
  db cancel DATABASE PID --yes
  db terminate DATABASE PID --confirm PID
  db terminate-idle DATABASE --older-than MIN [--confirm DATABASE]

A database whose workspace entry has a keychain password needs it on standard input (--password-stdin): the command line opens no keychain. Exit status 1 when the database could not be read or an action was refused or failed, 2 on a usage error.</source>
        <translation>Die DBA-Ansichten einer Datenbank des Arbeitsbereichs, einmal gelesen, und ihre Aktionen über die Sicherheitsschranke.

  db overview|locks|slow|tables|replication DATABASE [--json]
  db activity DATABASE [--hide-idle] [--min-duration SECONDS] [--json]
  db cancel DATABASE PID --yes
  db terminate DATABASE PID --confirm PID
  db terminate-idle DATABASE --older-than MIN [--confirm DATABASE]

Eine Datenbank, deren Eintrag im Arbeitsbereich ein Schlüsselbund-Passwort hat, braucht es auf der Standardeingabe (--password-stdin): Die Kommandozeile öffnet keinen Schlüsselbund. Exit-Status 1, wenn die Datenbank nicht gelesen werden konnte oder eine Aktion abgelehnt wurde oder fehlschlug, 2 bei einem Aufruffehler.</translation>
    </message>
    <message>
        <source>Read the databases of the workspace FILE.</source>
        <translation>Die Datenbanken des Arbeitsbereichs FILE lesen.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>activity: leave out idle sessions.</source>
        <translation>activity: untätige Sitzungen weglassen.</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>Read the database password from the first line of standard input.</source>
        <translation>Das Datenbankpasswort aus der ersten Zeile der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>Read-only mode: every action is refused.</source>
        <translation>Nur-Lese-Modus: Jede Aktion wird abgelehnt.</translation>
    </message>
    <message>
        <source>cancel: confirm the change.</source>
        <translation>cancel: die Änderung bestätigen.</translation>
    </message>
    <message>
        <source>terminate: the PID typed again; terminate-idle: the DATABASE name typed again.</source>
        <translation>terminate: die PID noch einmal eingegeben; terminate-idle: der Name der DATABASE noch einmal eingegeben.</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>TARGET</translation>
    </message>
    <message>
        <source>terminate-idle: sessions idle for more than MINUTES.</source>
        <translation>terminate-idle: Sitzungen, die länger als MINUTES Minuten untätig sind.</translation>
    </message>
    <message>
        <source>MINUTES</source>
        <translation>MINUTES</translation>
    </message>
    <message>
        <source>Give up when the database has not answered after SECONDS (30 when not given).</source>
        <translation>Aufgeben, wenn die Datenbank nach SECONDS Sekunden nicht geantwortet hat (ohne Angabe 30).</translation>
    </message>
    <message>
        <source>Accept a host key that no known_hosts file has (for a database reached through an SSH tunnel).</source>
        <translation>Einen Hostschlüssel akzeptieren, der in keiner known_hosts-Datei steht (für eine Datenbank, die über einen SSH-Tunnel erreicht wird).</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>The view or the action.</source>
        <translation>Die Ansicht oder die Aktion.</translation>
    </message>
    <message>
        <source>VIEW|ACTION</source>
        <translation>VIEW|ACTION</translation>
    </message>
    <message>
        <source>A database of the workspace.</source>
        <translation>Eine Datenbank des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>DATABASE</source>
        <translation>DATABASE</translation>
    </message>
    <message>
        <source>cancel, terminate: the session.</source>
        <translation>cancel, terminate: die Sitzung.</translation>
    </message>
    <message>
        <source>[PID]</source>
        <translation>[PID]</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Server: PostgreSQL %1</source>
        <translation>Server: PostgreSQL %1</translation>
    </message>
    <message>
        <source>Up: %1 (since %2)</source>
        <translation>Läuft: %1 (seit %2)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>fine</source>
        <translation>gut</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>Connections: %1 of %2 usable (max_connections %3): %4, %5</source>
        <translation>Verbindungen: %1 von %2 nutzbaren (max_connections %3): %4, %5</translation>
    </message>
    <message>
        <source>By state: %1</source>
        <translation>Nach Zustand: %1</translation>
    </message>
    <message>
        <source>Cache hit ratio: %1</source>
        <translation>Cache-Trefferquote: %1</translation>
    </message>
    <message>
        <source>Rollbacks: %1, deadlocks: %2, temp files: %3 (%4)</source>
        <translation>Rollbacks: %1, Deadlocks: %2, Temp-Dateien: %3 (%4)</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replikate</translation>
    </message>
    <message>
        <source>(no standby streams from this server)</source>
        <translation>(kein Standby repliziert von diesem Server)</translation>
    </message>
    <message>
        <source>Replication slots</source>
        <translation>Replikations-Slots</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>warning: slot %1 is inactive and keeps %2 of WAL</source>
        <translation>Warnung: Slot %1 ist inaktiv und hält %2 WAL zurück</translation>
    </message>
    <message>
        <source>an unknown amount</source>
        <translation>eine unbekannte Menge</translation>
    </message>
    <message>
        <source>Archiver: archive_mode %1, %2 archived (last %3), %4 failed (last %5)</source>
        <translation>Archivierer: archive_mode %1, %2 archiviert (zuletzt %3), %4 fehlgeschlagen (zuletzt %5)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Archiver: not readable here</source>
        <translation>Archivierer: hier nicht lesbar</translation>
    </message>
    <message>
        <source>opsdeck db %1: &apos;%2&apos; is not a process id</source>
        <translation>opsdeck db %1: „%2“ ist keine Prozess-ID</translation>
    </message>
    <message>
        <source>opsdeck db terminate-idle: give the idle time in whole minutes, at least 1: --older-than MINUTES</source>
        <translation>opsdeck db terminate-idle: Geben Sie die Leerlaufzeit in ganzen Minuten an, mindestens 1: --older-than MINUTES</translation>
    </message>
    <message>
        <source>opsdeck db: --timeout takes whole seconds, at least 1</source>
        <translation>opsdeck db: --timeout nimmt ganze Sekunden, mindestens 1</translation>
    </message>
    <message>
        <source>opsdeck db: --min-duration takes seconds, such as 30 or 0.5</source>
        <translation>opsdeck db: --min-duration nimmt Sekunden, etwa 30 oder 0.5</translation>
    </message>
    <message>
        <source>opsdeck db: the audit log cannot be opened: %1</source>
        <translation>opsdeck db: Das Prüfprotokoll kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>opsdeck db: the workspace has no database &apos;%1&apos;, and no database at all (give the workspace with --workspace FILE)</source>
        <translation>opsdeck db: Der Arbeitsbereich hat keine Datenbank „%1“ und überhaupt keine Datenbank (geben Sie den Arbeitsbereich mit --workspace FILE an)</translation>
    </message>
    <message>
        <source>opsdeck db: the workspace has no database &apos;%1&apos;; it has: %2</source>
        <translation>opsdeck db: Der Arbeitsbereich hat keine Datenbank „%1“; er hat: %2</translation>
    </message>
    <message>
        <source>opsdeck db: --password-stdin: standard input has no line with the password of database %1</source>
        <translation>opsdeck db: --password-stdin: Die Standardeingabe hat keine Zeile mit dem Passwort von Datenbank %1</translation>
    </message>
    <message>
        <source>opsdeck db: database %1 needs the password of keychain entry &apos;%2&apos;, and the command line opens no keychain: give the password on standard input with --password-stdin</source>
        <translation>opsdeck db: Datenbank %1 braucht das Passwort des Schlüsselbund-Eintrags „%2“, und die Kommandozeile öffnet keinen Schlüsselbund: Geben Sie das Passwort mit --password-stdin auf der Standardeingabe an</translation>
    </message>
    <message>
        <source>opsdeck db: database %1 (%2) did not answer within %3</source>
        <translation>opsdeck db: Datenbank %1 (%2) hat nicht innerhalb von %3 geantwortet</translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation>die Verbindung schlug fehl</translation>
    </message>
    <message>
        <source>database %1: %2</source>
        <translation>Datenbank %1: %2</translation>
    </message>
    <message>
        <source>opsdeck db: %1</source>
        <translation>opsdeck db: %1</translation>
    </message>
    <message>
        <source>No session waits for a lock in database %1.</source>
        <translation>In Datenbank %1 wartet keine Sitzung auf eine Sperre.</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <source>to cancel the query of session %1, add --yes</source>
        <translation>um die Abfrage von Sitzung %1 abzubrechen, geben Sie --yes an</translation>
    </message>
    <message>
        <source>Cancelled the query of session %1 in database %2.</source>
        <translation>Abfrage von Sitzung %1 in Datenbank %2 abgebrochen.</translation>
    </message>
    <message>
        <source>to terminate session %1, confirm with --confirm %1</source>
        <translation>um Sitzung %1 zu beenden, bestätigen Sie mit --confirm %1</translation>
    </message>
    <message>
        <source>Terminated session %1 in database %2.</source>
        <translation>Sitzung %1 in Datenbank %2 beendet.</translation>
    </message>
    <message>
        <source>opsdeck db: database %1 did not answer within %2</source>
        <translation>opsdeck db: Datenbank %1 hat nicht innerhalb von %2 geantwortet</translation>
    </message>
    <message>
        <source>opsdeck db: database %1: %2</source>
        <translation>opsdeck db: Datenbank %1: %2</translation>
    </message>
    <message>
        <source>No session of database %1 has been idle for more than %2 min.</source>
        <translation>Keine Sitzung von Datenbank %1 ist länger als %2 min untätig.</translation>
    </message>
    <message>
        <source>Sessions idle for more than %1 min:</source>
        <translation>Sitzungen, die länger als %1 min untätig sind:</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Idle for</source>
        <translation>Untätig seit</translation>
    </message>
    <message>
        <source>Last query</source>
        <translation>Letzte Abfrage</translation>
    </message>
    <message numerus="yes">
        <source>opsdeck db: nothing was terminated; to terminate these %n session(s), confirm with --confirm %1</source>
        <translation>
            <numerusform>opsdeck db: nichts wurde beendet; um diese %n Sitzung zu beenden, bestätigen Sie mit --confirm %1</numerusform>
            <numerusform>opsdeck db: nichts wurde beendet; um diese %n Sitzungen zu beenden, bestätigen Sie mit --confirm %1</numerusform>
        </translation>
    </message>
    <message>
        <source>to terminate them, confirm with --confirm %1</source>
        <translation>um sie zu beenden, bestätigen Sie mit --confirm %1</translation>
    </message>
    <message numerus="yes">
        <source>Terminated %n idle session(s) in database %1.</source>
        <translation>
            <numerusform>%n untätige Sitzung in Datenbank %1 beendet.</numerusform>
            <numerusform>%n untätige Sitzungen in Datenbank %1 beendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>opsdeck db: --read-only refuses every action</source>
        <translation>opsdeck db: --read-only lehnt jede Aktion ab</translation>
    </message>
    <message>
        <source>activity: only sessions busy for at least SECONDS: an active one by its query&apos;s age, any other by how long it has been in its state (idle, idle in transaction).</source>
        <translation>activity: nur Sitzungen, die mindestens SECONDS beschäftigt sind: eine aktive nach dem Alter ihrer Abfrage, jede andere nach der Dauer in ihrem Zustand (idle, idle in transaction).</translation>
    </message>
</context>
<context>
    <name>DockerJson</name>
    <message>
        <source>too many errors; the rest are not listed</source>
        <translation>zu viele Fehler; die übrigen werden nicht aufgeführt</translation>
    </message>
    <message>
        <source>offset %1</source>
        <translation>Position %1</translation>
    </message>
    <message>
        <source>not a JSON array: %1</source>
        <translation>kein JSON-Array: %1</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation>kein JSON: %1</translation>
    </message>
    <message>
        <source>a container without ID or name</source>
        <translation>ein Container ohne ID und Namen</translation>
    </message>
    <message>
        <source>no Id</source>
        <translation>keine Id</translation>
    </message>
    <message>
        <source>no State</source>
        <translation>kein State</translation>
    </message>
    <message>
        <source>CPU use &apos;%1&apos; is not a percentage</source>
        <translation>CPU-Last „%1“ ist keine Prozentangabe</translation>
    </message>
    <message>
        <source>memory use &apos;%1&apos; is not a size</source>
        <translation>Speicherbelegung „%1“ ist keine Größenangabe</translation>
    </message>
</context>
<context>
    <name>EscalationSchedule</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1: no escalation</source>
        <translation>%1: keine Eskalation</translation>
    </message>
    <message>
        <source>%1 now</source>
        <translation>%1 sofort</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 nach %2</translation>
    </message>
    <message>
        <source>%1: notify %2</source>
        <translation>%1: %2 benachrichtigen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Executor</name>
    <message>
        <source>exit %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>beendet durch %1</translation>
    </message>
    <message>
        <source>timed out after %1 s</source>
        <translation>Zeitüberschreitung nach %1 s</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>a command needs either a program with arguments or a script</source>
        <translation>ein Befehl braucht entweder ein Programm mit Argumenten oder ein Skript</translation>
    </message>
    <message>
        <source>the program name is empty</source>
        <translation>der Programmname ist leer</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid environment variable name</source>
        <translation>&apos;%1&apos; ist kein gültiger Name für eine Umgebungsvariable</translation>
    </message>
    <message>
        <source>sudo on %1 asks for a password. OpsDeck never types passwords into sudo: allow this command without a password (NOPASSWD in sudoers) or run it without sudo.</source>
        <translation>sudo auf %1 fragt nach einem Passwort. OpsDeck gibt niemals Passwörter in sudo ein: Erlauben Sie diesen Befehl ohne Passwort (NOPASSWD in sudoers) oder führen Sie ihn ohne sudo aus.</translation>
    </message>
    <message>
        <source>sudo is not installed on %1.</source>
        <translation>sudo ist auf %1 nicht installiert.</translation>
    </message>
    <message>
        <source>a script is the shell&apos;s standard input; it cannot have other input</source>
        <translation>ein Skript ist die Standardeingabe der Shell; es kann keine weitere Eingabe haben</translation>
    </message>
    <message>
        <source>the value of %1 looks secret and would be visible on the host&apos;s command line; give it on standard input</source>
        <translation>der Wert von %1 sieht geheim aus und wäre auf der Befehlszeile des Hosts sichtbar; übergeben Sie ihn über die Standardeingabe</translation>
    </message>
</context>
<context>
    <name>FileWriter</name>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>the file could not be written completely</source>
        <translation>die Datei konnte nicht vollständig geschrieben werden</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>HealthDependencies</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>no status given</source>
        <translation>kein Status angegeben</translation>
    </message>
    <message>
        <source>no longer in the health document</source>
        <translation>nicht mehr im Health-Dokument</translation>
    </message>
    <message>
        <source>not reported: %1</source>
        <translation>nicht gemeldet: %1</translation>
    </message>
</context>
<context>
    <name>HealthHttp</name>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation>ungültiges JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <source>the health document is not a JSON object</source>
        <translation>das Health-Dokument ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>not an HTTP or HTTPS URL: %1</source>
        <translation>keine HTTP- oder HTTPS-URL: %1</translation>
    </message>
    <message>
        <source>connection refused by %1 (%2)</source>
        <translation>Verbindung von %1 abgelehnt (%2)</translation>
    </message>
    <message>
        <source>host %1 not found (%2)</source>
        <translation>Host %1 nicht gefunden (%2)</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>TLS-Handshake mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>redirect loop: %1</source>
        <translation>Weiterleitungsschleife: %1</translation>
    </message>
    <message>
        <source>more than %1 redirects: %2</source>
        <translation>mehr als %1 Weiterleitungen: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; found</source>
        <translation>„%1“ gefunden</translation>
    </message>
    <message>
        <source>&quot;%1&quot; not in the first %2</source>
        <translation>„%1“ nicht in den ersten %2</translation>
    </message>
    <message>
        <source>larger than %1, stopped reading</source>
        <translation>größer als %1, Lesen abgebrochen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>; not OK: %1</source>
        <translation>; nicht OK: %1</translation>
    </message>
    <message>
        <source>no answer from %1 (%2) within %3</source>
        <translation>keine Antwort von %1 (%2) innerhalb von %3</translation>
    </message>
    <message>
        <source>health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>expected text</source>
        <translation>erwarteter Text</translation>
    </message>
    <message>
        <source>body</source>
        <translation>Antworttext</translation>
    </message>
</context>
<context>
    <name>HealthPostgres</name>
    <message>
        <source>wrong password for user %1</source>
        <translation>falsches Passwort für Benutzer %1</translation>
    </message>
    <message>
        <source>the server wants a password for user %1 and none is configured</source>
        <translation>der Server verlangt ein Passwort für Benutzer %1, und es ist keines eingerichtet</translation>
    </message>
    <message>
        <source>database %1 does not exist</source>
        <translation>Datenbank %1 existiert nicht</translation>
    </message>
    <message>
        <source>user %1 does not exist</source>
        <translation>Benutzer %1 existiert nicht</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>no answer within %1</source>
        <translation>keine Antwort innerhalb von %1</translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation>Host %1 nicht gefunden</translation>
    </message>
    <message>
        <source>the query took longer than %1</source>
        <translation>die Abfrage dauerte länger als %1</translation>
    </message>
    <message>
        <source>PostgreSQL database %1 at %2</source>
        <translation>PostgreSQL-Datenbank %1 auf %2</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed</source>
        <translation>Qts PostgreSQL-Treiber (QPSQL) ist nicht installiert</translation>
    </message>
    <message>
        <source>connect and query</source>
        <translation>Verbinden und Abfrage</translation>
    </message>
    <message>
        <source>%1 of %2 (max_connections %3, %4 reserved)</source>
        <translation>%1 von %2 (max_connections %3, %4 reserviert)</translation>
    </message>
    <message>
        <source>standby (in recovery)</source>
        <translation>Standby (in Wiederherstellung)</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>Primärserver</translation>
    </message>
    <message>
        <source>%1 answered in %2, %3 of %4 connections in use</source>
        <translation>%1 hat in %2 geantwortet, %3 von %4 Verbindungen belegt</translation>
    </message>
    <message>
        <source>latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
</context>
<context>
    <name>HealthRedis</name>
    <message>
        <source>%1 of %2 (maxmemory)</source>
        <translation>%1 von %2 (maxmemory)</translation>
    </message>
    <message>
        <source>%1, no maxmemory limit</source>
        <translation>%1, keine maxmemory-Grenze</translation>
    </message>
    <message numerus="yes">
        <source>master, %n replica(s) connected</source>
        <translation>
            <numerusform>Master, %n Replikat verbunden</numerusform>
            <numerusform>Master, %n Replikate verbunden</numerusform>
        </translation>
    </message>
    <message>
        <source>replica of %1, link up</source>
        <translation>Replikat von %1, Verbindung steht</translation>
    </message>
    <message>
        <source>replica of %1, link to the master is down</source>
        <translation>Replikat von %1, Verbindung zum Master unterbrochen</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s), %1 with an expiry</source>
        <translation>
            <numerusform>%n Schlüssel, %1 mit Ablaufzeit</numerusform>
            <numerusform>%n Schlüssel, %1 mit Ablaufzeit</numerusform>
        </translation>
    </message>
    <message>
        <source>no answer from redis at %1 within %2</source>
        <translation>keine Antwort von Redis auf %1 innerhalb von %2</translation>
    </message>
    <message>
        <source>redis at %1 closed the connection</source>
        <translation>Redis auf %1 hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>no redis at %1: %2</source>
        <translation>kein Redis auf %1: %2</translation>
    </message>
    <message>
        <source>connection refused by redis at %1</source>
        <translation>Verbindung von Redis auf %1 abgelehnt</translation>
    </message>
    <message>
        <source>redis host %1 not found</source>
        <translation>Redis-Host %1 nicht gefunden</translation>
    </message>
    <message>
        <source>TLS handshake with redis at %1 failed: %2</source>
        <translation>TLS-Handshake mit Redis auf %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>redis at %1: %2</source>
        <translation>Redis auf %1: %2</translation>
    </message>
    <message>
        <source>out of memory writing a redis command</source>
        <translation>kein Speicher mehr beim Schreiben eines Redis-Befehls</translation>
    </message>
    <message>
        <source>redis at %1 sent more than %2: not the answer of a Redis server</source>
        <translation>Redis auf %1 hat mehr als %2 gesendet: keine Antwort eines Redis-Servers</translation>
    </message>
    <message>
        <source>redis at %1 does not speak the Redis protocol: %2</source>
        <translation>Redis auf %1 spricht nicht das Redis-Protokoll: %2</translation>
    </message>
    <message>
        <source>a password is configured, but the server asks for none</source>
        <translation>ein Passwort ist eingerichtet, aber der Server verlangt keines</translation>
    </message>
    <message>
        <source>authentication failed for redis at %1: %2</source>
        <translation>Anmeldung bei Redis auf %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>authentication failed for redis at %1: it wants a password and none is configured</source>
        <translation>Anmeldung bei Redis auf %1 fehlgeschlagen: Der Server verlangt ein Passwort, und es ist keines eingerichtet</translation>
    </message>
    <message>
        <source>redis at %1 refused database %2: %3</source>
        <translation>Redis auf %1 hat Datenbank %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>redis at %1 answered PING with: %2</source>
        <translation>Redis auf %1 hat PING beantwortet mit: %2</translation>
    </message>
    <message>
        <source>%1 answered PING with &quot;%2&quot;, not PONG: not a Redis server?</source>
        <translation>%1 hat PING mit „%2“ beantwortet, nicht mit PONG: kein Redis-Server?</translation>
    </message>
    <message>
        <source>the answer to INFO is not a list of key:value lines</source>
        <translation>die Antwort auf INFO ist keine Liste von Zeilen der Form Schlüssel:Wert</translation>
    </message>
    <message>
        <source>redis at %1 answered PING but no usable INFO: %2</source>
        <translation>Redis auf %1 hat PING beantwortet, aber kein brauchbares INFO: %2</translation>
    </message>
    <message>
        <source>redis %1 at %2 answered PING in %3</source>
        <translation>Redis %1 auf %2 hat PING in %3 beantwortet</translation>
    </message>
    <message>
        <source>%1; %2: %3</source>
        <translation>%1; %2: %3</translation>
    </message>
    <message>
        <source>memory used</source>
        <translation>Speicher belegt</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>evicted keys</source>
        <translation>verdrängte Schlüssel</translation>
    </message>
    <message>
        <source>rejected connections</source>
        <translation>abgewiesene Verbindungen</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>keys db%1</source>
        <translation>Schlüssel db%1</translation>
    </message>
    <message>
        <source>authentication</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>HealthScrape</name>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>scrape</source>
        <translation>Abruf</translation>
    </message>
    <message>
        <source>%1 answered %2, not %3</source>
        <translation>%1 antwortete %2, nicht %3</translation>
    </message>
    <message>
        <source>exposition</source>
        <translation>Metriktext</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>%1 is not valid metrics text: line %2: %3</source>
        <translation>%1 ist kein gültiger Metriktext: Zeile %2: %3</translation>
    </message>
    <message>
        <source>families</source>
        <translation>Familien</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>resident memory</source>
        <translation>residenter Speicher</translation>
    </message>
    <message>
        <source>CPU time</source>
        <translation>CPU-Zeit</translation>
    </message>
    <message>
        <source>%1 in %2: %3 families, %4 samples</source>
        <translation>%1 in %2: %3 Familien, %4 Messwerte</translation>
    </message>
    <message>
        <source>; not OK: %1</source>
        <translation>; nicht OK: %1</translation>
    </message>
</context>
<context>
    <name>HealthTls</name>
    <message>
        <source>connection refused by %1</source>
        <translation>Verbindung von %1 abgelehnt</translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation>Host %1 nicht gefunden</translation>
    </message>
    <message>
        <source>%1 closed the connection</source>
        <translation>%1 hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>network error reaching %1: %2</source>
        <translation>Netzwerkfehler beim Erreichen von %1: %2</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>TLS-Handshake mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>selbstsigniert</translation>
    </message>
    <message>
        <source>self-signed certificate in the chain</source>
        <translation>selbstsigniertes Zertifikat in der Kette</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>not yet valid</source>
        <translation>noch nicht gültig</translation>
    </message>
    <message>
        <source>host name mismatch</source>
        <translation>Hostname passt nicht</translation>
    </message>
    <message>
        <source>untrusted issuer</source>
        <translation>nicht vertrauenswürdiger Aussteller</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <source>older than TLS 1.2</source>
        <translation>älter als TLS 1.2</translation>
    </message>
    <message>
        <source>no TLS check for a %1 URL: %2</source>
        <translation>keine TLS-Prüfung für eine %1-URL: %2</translation>
    </message>
    <message>
        <source>no host in %1</source>
        <translation>kein Host in %1</translation>
    </message>
    <message>
        <source>no port in %1</source>
        <translation>kein Port in %1</translation>
    </message>
    <message>
        <source>the server presented no certificate</source>
        <translation>der Server hat kein Zertifikat vorgelegt</translation>
    </message>
    <message>
        <source>%1, valid until %2</source>
        <translation>%1, gültig bis %2</translation>
    </message>
    <message>
        <source>trusted chain, name matches</source>
        <translation>vertrauenswürdige Kette, Name passt</translation>
    </message>
    <message>
        <source>no TCP connection to %1 within %2</source>
        <translation>keine TCP-Verbindung zu %1 innerhalb von %2</translation>
    </message>
    <message>
        <source>%1 accepts connections, in %2</source>
        <translation>%1 nimmt Verbindungen an, in %2</translation>
    </message>
    <message>
        <source>PostgreSQL at %1 does not accept TLS (it answered N to the SSLRequest: ssl is off)</source>
        <translation>PostgreSQL auf %1 nimmt kein TLS an (Antwort N auf den SSLRequest: ssl ist aus)</translation>
    </message>
    <message>
        <source>%1 answered the PostgreSQL SSLRequest with %2, not S or N: not a PostgreSQL server?</source>
        <translation>%1 hat den PostgreSQL-SSLRequest mit %2 statt S oder N beantwortet: kein PostgreSQL-Server?</translation>
    </message>
    <message>
        <source>%1 sent unencrypted data after accepting TLS</source>
        <translation>%1 hat nach der Zusage von TLS unverschlüsselte Daten gesendet</translation>
    </message>
    <message>
        <source>%1 does not speak SMTP: %2</source>
        <translation>%1 spricht kein SMTP: %2</translation>
    </message>
    <message>
        <source>%1 sent a line longer than %2 bytes: not an SMTP server</source>
        <translation>%1 hat eine Zeile über %2 Bytes gesendet: kein SMTP-Server</translation>
    </message>
    <message>
        <source>SMTP server at %1 greeted with: %2</source>
        <translation>SMTP-Server auf %1 grüßte mit: %2</translation>
    </message>
    <message>
        <source>SMTP server at %1 refused EHLO: %2</source>
        <translation>SMTP-Server auf %1 hat EHLO abgelehnt: %2</translation>
    </message>
    <message>
        <source>SMTP server at %1 does not offer STARTTLS</source>
        <translation>SMTP-Server auf %1 bietet kein STARTTLS an</translation>
    </message>
    <message>
        <source>SMTP server at %1 refused STARTTLS: %2</source>
        <translation>SMTP-Server auf %1 hat STARTTLS abgelehnt: %2</translation>
    </message>
    <message>
        <source>certificate of %1 expired %2 days ago</source>
        <translation>Zertifikat von %1 ist seit %2 Tagen abgelaufen</translation>
    </message>
    <message>
        <source>certificate of %1 expires in %2 days</source>
        <translation>Zertifikat von %1 läuft in %2 Tagen ab</translation>
    </message>
    <message>
        <source>%1 presented no certificate</source>
        <translation>%1 hat kein Zertifikat vorgelegt</translation>
    </message>
    <message>
        <source>%1 closed the connection during the TLS handshake</source>
        <translation>%1 hat die Verbindung während des TLS-Handshakes geschlossen</translation>
    </message>
    <message>
        <source>%1 closed the connection after the PostgreSQL SSLRequest</source>
        <translation>%1 hat die Verbindung nach dem PostgreSQL-SSLRequest geschlossen</translation>
    </message>
    <message>
        <source>%1 closed the connection before STARTTLS</source>
        <translation>%1 hat die Verbindung vor STARTTLS geschlossen</translation>
    </message>
    <message>
        <source>no answer to the PostgreSQL SSLRequest from %1 within %2</source>
        <translation>keine Antwort von %1 auf den PostgreSQL-SSLRequest innerhalb von %2</translation>
    </message>
    <message>
        <source>no SMTP answer from %1 within %2</source>
        <translation>keine SMTP-Antwort von %1 innerhalb von %2</translation>
    </message>
    <message>
        <source>no TLS handshake with %1 within %2</source>
        <translation>kein TLS-Handshake mit %1 innerhalb von %2</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>days left</source>
        <translation>verbleibende Tage</translation>
    </message>
    <message>
        <source>days left (chain)</source>
        <translation>verbleibende Tage (Kette)</translation>
    </message>
    <message>
        <source>verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>Verbindungsaufbau</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>handshake</source>
        <translation>Handshake</translation>
    </message>
</context>
<context>
    <name>HostCard</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>waiting for the first sample</source>
        <translation>wartet auf den ersten Messwert</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Platte</translation>
    </message>
    <message numerus="yes">
        <source>%n failed unit(s): %1</source>
        <translation>
            <numerusform>%n fehlgeschlagene Unit: %1</numerusform>
            <numerusform>%n fehlgeschlagene Units: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Net in</source>
        <translation>Netz ein</translation>
    </message>
    <message>
        <source>Net out</source>
        <translation>Netz aus</translation>
    </message>
</context>
<context>
    <name>HostMetrics</name>
    <message>
        <source>not in the output</source>
        <translation>nicht in der Ausgabe</translation>
    </message>
    <message>
        <source>failed with exit status %1</source>
        <translation>mit Exit-Status %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>not understood</source>
        <translation>nicht verstanden</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>free memory</source>
        <translation>freier Arbeitsspeicher</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>Auslagerungsspeicher</translation>
    </message>
    <message>
        <source>load per CPU</source>
        <translation>Last pro CPU</translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n CPU(s)</source>
        <translation>
            <numerusform>%1 auf %n CPU</numerusform>
            <numerusform>%1 auf %n CPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>disk %1</source>
        <translation>Platte %1</translation>
    </message>
    <message>
        <source>disks</source>
        <translation>Platten</translation>
    </message>
    <message>
        <source>failed units</source>
        <translation>fehlgeschlagene Units</translation>
    </message>
    <message>
        <source>no metrics in the output</source>
        <translation>keine Messwerte in der Ausgabe</translation>
    </message>
    <message>
        <source>CPU %1 %</source>
        <translation>CPU %1 %</translation>
    </message>
    <message>
        <source>memory %1 %</source>
        <translation>Arbeitsspeicher %1 %</translation>
    </message>
    <message>
        <source>load %1</source>
        <translation>Last %1</translation>
    </message>
    <message numerus="yes">
        <source>%n failed unit(s)</source>
        <translation>
            <numerusform>%n fehlgeschlagene Unit</numerusform>
            <numerusform>%n fehlgeschlagene Units</numerusform>
        </translation>
    </message>
    <message>
        <source>no metrics for %1 s</source>
        <translation>seit %1 s keine Messwerte</translation>
    </message>
    <message>
        <source>host %1 is not in the workspace</source>
        <translation>Host %1 ist nicht im Arbeitsbereich</translation>
    </message>
    <message>
        <source>%1: not found</source>
        <translation>%1: nicht gefunden</translation>
    </message>
    <message>
        <source>%1 did not answer within %2</source>
        <translation>%1 hat nicht innerhalb von %2 geantwortet</translation>
    </message>
</context>
<context>
    <name>Incident</name>
    <message>
        <source>Critical – service down</source>
        <translation>Kritisch – Dienst ausgefallen</translation>
    </message>
    <message>
        <source>Complete outage, data being lost, a security breach in progress</source>
        <translation>Totalausfall, Datenverlust, ein laufender Sicherheitsvorfall</translation>
    </message>
    <message>
        <source>Major – service badly degraded</source>
        <translation>Hoch – Dienst stark beeinträchtigt</translation>
    </message>
    <message>
        <source>API slow or unavailable for many users, an important feature failing</source>
        <translation>API für viele Nutzer langsam oder nicht erreichbar, eine wichtige Funktion fällt aus</translation>
    </message>
    <message>
        <source>Minor – limited impact</source>
        <translation>Mittel – begrenzte Auswirkungen</translation>
    </message>
    <message>
        <source>One feature not working, a workaround exists</source>
        <translation>Eine Funktion geht nicht, es gibt eine Umgehungslösung</translation>
    </message>
    <message>
        <source>Low – minimal impact</source>
        <translation>Niedrig – minimale Auswirkungen</translation>
    </message>
    <message>
        <source>Cosmetic problems, questions, follow-up clean-up</source>
        <translation>Kosmetische Fehler, Fragen, nachträgliches Aufräumen</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>Untersuchung</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Ursache gefunden</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Affected services</source>
        <translation>Betroffene Dienste</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>Einsatzleitung</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkungen</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Erkennung</translation>
    </message>
    <message>
        <source>Lessons learned</source>
        <translation>Erkenntnisse</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Maßnahmen</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Step run</source>
        <translation>Schritt ausgeführt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Eskalation</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <source>Record updated</source>
        <translation>Angaben geändert</translation>
    </message>
    <message>
        <source>Declared %1 (%2): %3</source>
        <translation>%1 (%2) eröffnet: %3</translation>
    </message>
    <message>
        <source>Declared %1 (%2): %3; commander: %4</source>
        <translation>%1 (%2) eröffnet: %3; Einsatzleitung: %4</translation>
    </message>
    <message numerus="yes">
        <source>… %n more line(s) …</source>
        <translation>
            <numerusform>… %n weitere Zeile …</numerusform>
            <numerusform>… %n weitere Zeilen …</numerusform>
        </translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(nicht erfasst)</translation>
    </message>
</context>
<context>
    <name>IncidentReport</name>
    <message>
        <source>Incident report: %1 %2</source>
        <translation>Vorfallbericht: %1 %2</translation>
    </message>
    <message>
        <source>Incident report: %1</source>
        <translation>Vorfallbericht: %1</translation>
    </message>
    <message>
        <source>not resolved yet</source>
        <translation>noch nicht behoben</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Affected services</source>
        <translation>Betroffene Dienste</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>Einsatzleitung</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkungen</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Erkennung</translation>
    </message>
    <message>
        <source>Lessons learned</source>
        <translation>Erkenntnisse</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Maßnahmen</translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) run</source>
        <translation>
            <numerusform>%n Befehl ausgeführt</numerusform>
            <numerusform>%n Befehle ausgeführt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) run, %1 without success</source>
        <translation>
            <numerusform>%n Befehl ausgeführt, %1 ohne Erfolg</numerusform>
            <numerusform>%n Befehle ausgeführt, %1 davon ohne Erfolg</numerusform>
        </translation>
    </message>
    <message>
        <source>exit %1 in %2</source>
        <translation>Exit-Code %1 nach %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Verstrichen</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>Incident commander</source>
        <translation>Einsatzleitung</translation>
    </message>
    <message>
        <source>Runbook followed</source>
        <translation>Befolgtes Runbook</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <source>Commands: %1</source>
        <translation>Befehle: %1</translation>
    </message>
    <message>
        <source>Messages sent: %1</source>
        <translation>Gesendete Nachrichten: %1</translation>
    </message>
</context>
<context>
    <name>KnownHosts</name>
    <message>
        <source>unknown marker &apos;%1&apos;; expected @cert-authority or @revoked</source>
        <translation>unbekannte Markierung &apos;%1&apos;; erwartet wird @cert-authority oder @revoked</translation>
    </message>
    <message>
        <source>the line ends after the marker; expected host names</source>
        <translation>die Zeile endet nach der Markierung; erwartet werden Hostnamen</translation>
    </message>
    <message>
        <source>only one marker is allowed on a line</source>
        <translation>pro Zeile ist nur eine Markierung erlaubt</translation>
    </message>
    <message>
        <source>the line ends after the host names; expected a key type and a key</source>
        <translation>die Zeile endet nach den Hostnamen; erwartet werden ein Schlüsseltyp und ein Schlüssel</translation>
    </message>
    <message>
        <source>this is an SSH protocol 1 key (bits, exponent, modulus), which OpenSSH no longer reads</source>
        <translation>dies ist ein Schlüssel für SSH-Protokoll 1 (Bits, Exponent, Modulus), den OpenSSH nicht mehr liest</translation>
    </message>
    <message>
        <source>the line ends after the key type &apos;%1&apos;; expected the key in base64</source>
        <translation>die Zeile endet nach dem Schlüsseltyp &apos;%1&apos;; erwartet wird der Schlüssel in Base64</translation>
    </message>
    <message>
        <source>the key is not valid base64</source>
        <translation>der Schlüssel ist kein gültiges Base64</translation>
    </message>
    <message>
        <source>the key data is truncated or not an SSH key</source>
        <translation>die Schlüsseldaten sind abgeschnitten oder kein SSH-Schlüssel</translation>
    </message>
    <message>
        <source>the key data holds a &apos;%1&apos; key, but the line says &apos;%2&apos;</source>
        <translation>die Schlüsseldaten enthalten einen &apos;%1&apos;-Schlüssel, die Zeile nennt aber &apos;%2&apos;</translation>
    </message>
    <message>
        <source>invalid hashed host name; expected |1|salt|hash with a 20-byte salt and hash in base64</source>
        <translation>ungültiger gehashter Hostname; erwartet wird |1|Salt|Hash mit 20 Byte Salt und Hash in Base64</translation>
    </message>
    <message>
        <source>empty host pattern</source>
        <translation>leeres Hostmuster</translation>
    </message>
    <message>
        <source>a hashed host name must stand alone in its field; &apos;%1&apos; never matches</source>
        <translation>ein gehashter Hostname muss allein in seinem Feld stehen; &apos;%1&apos; passt nie</translation>
    </message>
    <message>
        <source>the line has no host pattern that is not negated, so it never matches</source>
        <translation>die Zeile hat kein nicht negiertes Hostmuster und passt daher nie</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>die Datei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>the file is too large (%1 MiB); a known_hosts file may be at most %2 MiB</source>
        <translation>die Datei ist zu groß (%1 MiB); eine known_hosts-Datei darf höchstens %2 MiB groß sein</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot open the file: it is a directory</source>
        <translation>die Datei kann nicht geöffnet werden: sie ist ein Verzeichnis</translation>
    </message>
    <message>
        <source>the line to add is empty or more than one line</source>
        <translation>die hinzuzufügende Zeile ist leer oder mehr als eine Zeile</translation>
    </message>
    <message>
        <source>another program holds the lock file %1</source>
        <translation>ein anderes Programm hält die Sperrdatei %1</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>das Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>KubernetesJson</name>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>not JSON at %1 (byte %2): %3</source>
        <translation>kein JSON bei %1 (Byte %2): %3</translation>
    </message>
    <message>
        <source>line 1, column 1: expected a JSON object (a list or one object)</source>
        <translation>Zeile 1, Spalte 1: JSON-Objekt erwartet (eine Liste oder ein Objekt)</translation>
    </message>
    <message>
        <source>items: expected an array</source>
        <translation>items: Array erwartet</translation>
    </message>
    <message>
        <source>%1: expected an object</source>
        <translation>%1: Objekt erwartet</translation>
    </message>
    <message>
        <source>%1.metadata.name: missing</source>
        <translation>%1.metadata.name: fehlt</translation>
    </message>
    <message>
        <source>the server answered: %1</source>
        <translation>der Server antwortete: %1</translation>
    </message>
    <message>
        <source>%1: a %2, not a Pod</source>
        <translation>%1: ein %2, kein Pod</translation>
    </message>
    <message>
        <source>%1: no kind or name</source>
        <translation>%1: weder kind noch name</translation>
    </message>
    <message>
        <source>%1: no involvedObject or regarding</source>
        <translation>%1: weder involvedObject noch regarding</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>%1: expected NAMESPACE NAME CPU MEMORY or NAME CPU MEMORY</source>
        <translation>%1: NAMESPACE NAME CPU MEMORY oder NAME CPU MEMORY erwartet</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a CPU quantity</source>
        <translation>%1: „%2“ ist keine CPU-Menge</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a memory quantity</source>
        <translation>%1: „%2“ ist keine Speichermenge</translation>
    </message>
</context>
<context>
    <name>LabelSelector</name>
    <message>
        <source>column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
    <message>
        <source>expected &apos;%1&apos;</source>
        <translation>&apos;%1&apos; erwartet</translation>
    </message>
    <message>
        <source>expected a label name</source>
        <translation>Labelname erwartet</translation>
    </message>
    <message>
        <source>expected a value</source>
        <translation>Wert erwartet</translation>
    </message>
    <message>
        <source>expected &apos;=&apos;, &apos;!=&apos;, &apos;in&apos; or &apos;notin&apos;</source>
        <translation>&apos;=&apos;, &apos;!=&apos;, &apos;in&apos; oder &apos;notin&apos; erwartet</translation>
    </message>
</context>
<context>
    <name>LiveLogSource</name>
    <message>
        <source>Log source %1 names no file.</source>
        <translation>Die Protokollquelle %1 nennt keine Datei.</translation>
    </message>
    <message>
        <source>Log source %1 is a pattern (%2): one file can be followed live; the file viewer opens patterns.</source>
        <translation>Die Protokollquelle %1 ist ein Muster (%2): Live verfolgen lässt sich nur eine einzelne Datei; Muster öffnet die Dateiansicht.</translation>
    </message>
    <message>
        <source>Log source %1 names no container.</source>
        <translation>Die Protokollquelle %1 nennt keinen Container.</translation>
    </message>
    <message>
        <source>Log source %1 names no pod.</source>
        <translation>Die Protokollquelle %1 nennt keinen Pod.</translation>
    </message>
</context>
<context>
    <name>LockTree</name>
    <message>
        <source>(a prepared transaction: see pg_prepared_xacts)</source>
        <translation>(eine vorbereitete Transaktion: siehe pg_prepared_xacts)</translation>
    </message>
    <message>
        <source>(not in pg_stat_activity)</source>
        <translation>(nicht in pg_stat_activity)</translation>
    </message>
</context>
<context>
    <name>LogCommand</name>
    <message>
        <source>usage: opsdeck logs stats FILE... [--json]
       opsdeck logs grep [-E|-F] [-i] [-w] [-v] [-c] [-e PATTERN]... [--level LEVEL]
                         [--since TIME] [--until TIME] [--json] PATTERN FILE...</source>
        <translation>Aufruf: opsdeck logs stats DATEI... [--json]
        opsdeck logs grep [-E|-F] [-i] [-w] [-v] [-c] [-e MUSTER]... [--level STUFE]
                          [--since ZEIT] [--until ZEIT] [--json] MUSTER DATEI...</translation>
    </message>
    <message>
        <source>opsdeck logs stats: %1</source>
        <translation>opsdeck logs stats: %1</translation>
    </message>
    <message>
        <source>%1: %2 lines, %3 bytes, format %4</source>
        <translation>%1: %2 Zeilen, %3 Bytes, Format %4</translation>
    </message>
    <message>
        <source>  levels: %1</source>
        <translation>  Stufen: %1</translation>
    </message>
    <message>
        <source>  first: %1  last: %2</source>
        <translation>  erste: %1  letzte: %2</translation>
    </message>
    <message>
        <source>  index: %1 bytes per line; read in %2 s</source>
        <translation>  Index: %1 Bytes pro Zeile; gelesen in %2 s</translation>
    </message>
    <message>
        <source>opsdeck logs grep: no FILE given (standard input is not read)</source>
        <translation>opsdeck logs grep: keine DATEI angegeben (die Standardeingabe wird nicht gelesen)</translation>
    </message>
    <message>
        <source>opsdeck logs grep: unknown level &apos;%1&apos; (use TRACE, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT or EMERGENCY)</source>
        <translation>opsdeck logs grep: unbekannte Stufe &apos;%1&apos; (möglich sind TRACE, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT oder EMERGENCY)</translation>
    </message>
    <message>
        <source>opsdeck logs grep: --%1 &apos;%2&apos; is not a time (use 2024-05-01T12:00:00, with Z or an offset for UTC)</source>
        <translation>opsdeck logs grep: --%1 &apos;%2&apos; ist keine Zeitangabe (etwa 2024-05-01T12:00:00, mit Z oder einem Versatz zu UTC)</translation>
    </message>
    <message>
        <source>opsdeck logs grep: pattern %1, column %2: %3</source>
        <translation>opsdeck logs grep: Muster %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>opsdeck logs grep: %1</source>
        <translation>opsdeck logs grep: %1</translation>
    </message>
    <message>
        <source>grep: patterns are extended regular expressions (as grep -E).</source>
        <translation>grep: Muster sind erweiterte reguläre Ausdrücke (wie grep -E).</translation>
    </message>
    <message>
        <source>grep: patterns are plain text (as grep -F).</source>
        <translation>grep: Muster sind einfacher Text (wie grep -F).</translation>
    </message>
    <message>
        <source>grep: ignore case.</source>
        <translation>grep: Groß- und Kleinschreibung ignorieren.</translation>
    </message>
    <message>
        <source>grep: match whole words only.</source>
        <translation>grep: nur ganze Wörter finden.</translation>
    </message>
    <message>
        <source>grep: keep the lines that do not match.</source>
        <translation>grep: die Zeilen behalten, die nicht passen.</translation>
    </message>
    <message>
        <source>grep: print only the number of matching lines.</source>
        <translation>grep: nur die Anzahl passender Zeilen ausgeben.</translation>
    </message>
    <message>
        <source>grep: print line numbers (always on).</source>
        <translation>grep: Zeilennummern ausgeben (immer an).</translation>
    </message>
    <message>
        <source>grep: a pattern (repeat for several; a line matching any is kept).</source>
        <translation>grep: ein Muster (mehrfach angeben für mehrere; eine Zeile, auf die eines passt, bleibt).</translation>
    </message>
    <message>
        <source>PATTERN</source>
        <translation>MUSTER</translation>
    </message>
    <message>
        <source>grep: keep entries of LEVEL and above.</source>
        <translation>grep: Einträge ab STUFE behalten.</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>STUFE</translation>
    </message>
    <message>
        <source>grep: keep entries from TIME on.</source>
        <translation>grep: Einträge ab ZEIT behalten.</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <source>grep: keep entries up to TIME.</source>
        <translation>grep: Einträge bis ZEIT behalten.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>opsdeck logs: %1</source>
        <translation>opsdeck logs: %1</translation>
    </message>
    <message>
        <source>opsdeck logs: unknown command &apos;%1&apos;</source>
        <translation>opsdeck logs: unbekannter Befehl &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>LogDocument</name>
    <message>
        <source>%1: cannot create a file to unpack into in %2: %3</source>
        <translation>%1: in %2 kann keine Datei zum Entpacken angelegt werden: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: cannot write the unpacked text: %2</source>
        <translation>%1: der entpackte Text kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 was removed; waiting for it to come back</source>
        <translation>%1 wurde entfernt; warte, bis die Datei wieder da ist</translation>
    </message>
    <message>
        <source>%1 was replaced by a new file (rotated); showing the new one</source>
        <translation>%1 wurde durch eine neue Datei ersetzt (rotiert); die neue wird angezeigt</translation>
    </message>
    <message>
        <source>%1 was truncated; reading it again from the start</source>
        <translation>%1 wurde gekürzt; sie wird von vorn neu gelesen</translation>
    </message>
</context>
<context>
    <name>LogExport</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export abgebrochen.</translation>
    </message>
</context>
<context>
    <name>LogFileReader</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: Is a directory</source>
        <translation>%1: Ist ein Verzeichnis</translation>
    </message>
    <message>
        <source>%1: cannot read gzip data</source>
        <translation>%1: gzip-Daten können nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1: corrupt gzip data (%2)</source>
        <translation>%1: beschädigte gzip-Daten (%2)</translation>
    </message>
</context>
<context>
    <name>LogFormats</name>
    <message>
        <source>Plain text</source>
        <translation>Einfacher Text</translation>
    </message>
    <message>
        <source>Syslog (RFC 3164)</source>
        <translation>Syslog (RFC 3164)</translation>
    </message>
    <message>
        <source>Syslog (RFC 5424)</source>
        <translation>Syslog (RFC 5424)</translation>
    </message>
    <message>
        <source>Application log (ISO 8601 times)</source>
        <translation>Anwendungsprotokoll (Zeiten nach ISO 8601)</translation>
    </message>
    <message>
        <source>Web server access log</source>
        <translation>Webserver-Zugriffsprotokoll</translation>
    </message>
    <message>
        <source>Web server error log</source>
        <translation>Webserver-Fehlerprotokoll</translation>
    </message>
    <message>
        <source>JSON lines</source>
        <translation>JSON-Zeilen</translation>
    </message>
    <message>
        <source>logfmt</source>
        <translation>logfmt</translation>
    </message>
    <message>
        <source>PostgreSQL log</source>
        <translation>PostgreSQL-Protokoll</translation>
    </message>
    <message>
        <source>PostgreSQL CSV log</source>
        <translation>PostgreSQL-CSV-Protokoll</translation>
    </message>
    <message>
        <source>systemd journal (JSON)</source>
        <translation>systemd-Journal (JSON)</translation>
    </message>
    <message>
        <source>Docker Compose output</source>
        <translation>Docker-Compose-Ausgabe</translation>
    </message>
    <message>
        <source>No level</source>
        <translation>Ohne Stufe</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Ablaufverfolgung</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Notfall</translation>
    </message>
</context>
<context>
    <name>LogSearch</name>
    <message>
        <source>trailing backslash</source>
        <translation>Rückstrich am Ende</translation>
    </message>
    <message>
        <source>unmatched [</source>
        <translation>[ ohne Gegenstück</translation>
    </message>
</context>
<context>
    <name>MetricsCommand</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: HTTP %2 %3</source>
        <translation>%1: HTTP %2 %3</translation>
    </message>
    <message>
        <source>unit %1</source>
        <translation>Einheit %1</translation>
    </message>
    <message>
        <source>families: %1, samples: %2</source>
        <translation>Familien: %1, Messwerte: %2</translation>
    </message>
    <message>
        <source>opsdeck metrics parse: %1</source>
        <translation>opsdeck metrics parse: %1</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>Cannot update the schema of the state database %1: %2 (in: %3)</source>
        <translation>Das Schema der Zustandsdatenbank %1 kann nicht aktualisiert werden: %2 (in: %3)</translation>
    </message>
    <message>
        <source>Cannot read the schema version of the state database %1: %2</source>
        <translation>Die Schemaversion der Zustandsdatenbank %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The state database %1 has schema version %2, but this version of OpsDeck knows versions up to %3 only. It was left unchanged; use a newer OpsDeck or move the file away.</source>
        <translation>Die Zustandsdatenbank %1 hat die Schemaversion %2, diese OpsDeck-Version kennt aber nur Versionen bis %3. Sie wurde nicht verändert; verwenden Sie ein neueres OpsDeck oder verschieben Sie die Datei.</translation>
    </message>
    <message>
        <source>Internal error: schema steps for %1 are not numbered 1, 2, 3, ...</source>
        <translation>Interner Fehler: Die Schemaschritte für %1 sind nicht mit 1, 2, 3, ... nummeriert</translation>
    </message>
    <message>
        <source>Cannot chain the existing audit log rows in the state database %1: %2</source>
        <translation>Die vorhandenen Zeilen des Prüfprotokolls in der Zustandsdatenbank %1 können nicht verkettet werden: %2</translation>
    </message>
</context>
<context>
    <name>OpsDeck::AlertsDialog</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Silence…</source>
        <translation>&amp;Stummschalten…</translation>
    </message>
    <message>
        <source>&amp;Expire</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Alerts and Silences: %1</source>
        <translation>Alarme und Stummschaltungen: %1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Silences</source>
        <translation>Stummschaltungen</translation>
    </message>
    <message>
        <source>Silence the selected alert for a while (asks first)</source>
        <translation>Den gewählten Alarm eine Zeit lang stummschalten (fragt vorher)</translation>
    </message>
    <message>
        <source>End the selected silence now (asks first)</source>
        <translation>Die gewählte Stummschaltung jetzt beenden (fragt vorher)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Alerts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Alarme&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Silences&lt;/b&gt;</source>
        <translation>&lt;b&gt;Stummschaltungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select an alert to see its labels.</source>
        <translation>Wählen Sie einen Alarm, um seine Labels zu sehen.</translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
    <message>
        <source>Silenced by %1</source>
        <translation>Stummgeschaltet durch %1</translation>
    </message>
    <message>
        <source>Silences cannot be changed in this window: it has no safety gate.</source>
        <translation>Stummschaltungen lassen sich in diesem Fenster nicht ändern: Es hat keine Sicherheitsschranke.</translation>
    </message>
    <message>
        <source>Silence alerts matching %1 until %2.</source>
        <translation>Alarme mit %1 bis %2 stummschalten.</translation>
    </message>
    <message>
        <source>Alertmanager notifies nobody about these alerts until then, for the whole team.</source>
        <translation>Alertmanager benachrichtigt bis dahin niemanden über diese Alarme, für das ganze Team.</translation>
    </message>
    <message>
        <source>Not silenced: cancelled.</source>
        <translation>Nicht stummgeschaltet: abgebrochen.</translation>
    </message>
    <message>
        <source>Silencing…</source>
        <translation>Wird stummgeschaltet…</translation>
    </message>
    <message>
        <source>Silenced %1 (silence %2).</source>
        <translation>%1 stummgeschaltet (Stummschaltung %2).</translation>
    </message>
    <message>
        <source>Expire the silence of %1 now.</source>
        <translation>Die Stummschaltung von %1 jetzt beenden.</translation>
    </message>
    <message>
        <source>Alertmanager notifies the team again about alerts matching it (silence by %1: %2).</source>
        <translation>Alertmanager benachrichtigt das Team wieder über passende Alarme (Stummschaltung von %1: %2).</translation>
    </message>
    <message>
        <source>Not expired: cancelled.</source>
        <translation>Nicht beendet: abgebrochen.</translation>
    </message>
    <message>
        <source>Expiring…</source>
        <translation>Wird beendet…</translation>
    </message>
    <message>
        <source>Expired the silence of %1.</source>
        <translation>Stummschaltung von %1 beendet.</translation>
    </message>
</context>
<context>
    <name>OpsDeck::AuditLog</name>
    <message>
        <source>Cannot write an audit entry without host or command to the state database %1.</source>
        <translation>Ein Prüfprotokolleintrag ohne Host oder Befehl kann nicht in die Zustandsdatenbank %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot write the start of &apos;%1&apos; on %2 to the audit log in %3: %4</source>
        <translation>Der Start von &apos;%1&apos; auf %2 kann nicht in das Prüfprotokoll in %3 geschrieben werden: %4</translation>
    </message>
    <message>
        <source>Cannot finish audit entry %1 in %2 with status &apos;running&apos;.</source>
        <translation>Prüfprotokolleintrag %1 in %2 kann nicht mit dem Status &apos;running&apos; abgeschlossen werden.</translation>
    </message>
    <message>
        <source>Audit entry %1 in %2 does not exist or is already finished.</source>
        <translation>Prüfprotokolleintrag %1 in %2 existiert nicht oder ist bereits abgeschlossen.</translation>
    </message>
    <message>
        <source>Cannot read the audit log from %1: %2</source>
        <translation>Das Prüfprotokoll kann nicht aus %1 gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Cannot write the end of audit entry %1 to %2 (%n attempt(s)): %3</source>
        <translation>
            <numerusform>Das Ende des Protokolleintrags %1 kann nicht in %2 geschrieben werden (%n Versuch): %3</numerusform>
            <numerusform>Das Ende des Protokolleintrags %1 kann nicht in %2 geschrieben werden (%n Versuche): %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::AuditModel</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation>Beendet %1</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
</context>
<context>
    <name>OpsDeck::AuditPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>Filter commands…</source>
        <translation>Befehle filtern…</translation>
    </message>
    <message>
        <source>Filter commands</source>
        <translation>Befehle filtern</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Read the audit log again (%1)</source>
        <translation>Das Prüfprotokoll neu lesen (%1)</translation>
    </message>
    <message>
        <source>Save the rows shown as a CSV file</source>
        <translation>Die angezeigten Zeilen als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>The audit log is not available: there is no state database.</source>
        <translation>Das Prüfprotokoll ist nicht verfügbar: Es gibt keine Zustandsdatenbank.</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>Das Prüfprotokoll wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) shown: the newest only; narrow the filters to see older ones.</source>
        <translation>
            <numerusform>%n Befehl angezeigt: nur der neueste; grenzen Sie die Filter ein, um ältere zu sehen.</numerusform>
            <numerusform>%n Befehle angezeigt: nur die neuesten; grenzen Sie die Filter ein, um ältere zu sehen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) shown</source>
        <translation>
            <numerusform>%n Befehl angezeigt</numerusform>
            <numerusform>%n Befehle angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot export the audit log to %1: %2</source>
        <translation>Das Prüfprotokoll kann nicht nach %1 exportiert werden: %2</translation>
    </message>
    <message>
        <source>Export Audit Log</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1 läuft…</translation>
    </message>
    <message>
        <source>Exported to &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;.</source>
        <translation>Exportiert nach &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Check that no row of the audit log was edited, removed or reordered</source>
        <translation>Prüfen, dass keine Zeile des Prüfprotokolls bearbeitet, entfernt oder umsortiert wurde</translation>
    </message>
    <message>
        <source>Incomplete: %1</source>
        <translation>Unvollständig: %1</translation>
    </message>
    <message>
        <source>Verifying the audit log…</source>
        <translation>Das Prüfprotokoll wird geprüft…</translation>
    </message>
    <message>
        <source>Hash of the newest row: %1</source>
        <translation>Hash der neuesten Zeile: %1</translation>
    </message>
</context>
<context>
    <name>OpsDeck::BackupsPage</name>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>Ungeprüft</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Backup locations</source>
        <translation>Sicherungsorte</translation>
    </message>
    <message>
        <source>Backup files</source>
        <translation>Sicherungsdateien</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>All Locations</source>
        <translation>Alle Orte</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 — %3 (%4)</source>
        <translation>%1: %2 — %3 (%4)</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>%1 did not run: %2</source>
        <translation>%1 lief nicht: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: cancelled.</source>
        <translation>%1: abgebrochen.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>A verification result could not be kept: %1</source>
        <translation>Ein Prüfergebnis ließ sich nicht aufbewahren: %1</translation>
    </message>
    <message>
        <source>Verify up to L2</source>
        <translation>Bis L2 prüfen</translation>
    </message>
    <message>
        <source>L0 Integrity</source>
        <translation>L0 Integrität</translation>
    </message>
    <message>
        <source>L1 Table of Contents (TOC only)</source>
        <translation>L1 Inhaltsverzeichnis (nur Inhaltsverzeichnis)</translation>
    </message>
    <message>
        <source>L2 Full Read</source>
        <translation>L2 Vollständig lesen</translation>
    </message>
    <message>
        <source>Test Restore…</source>
        <translation>Test-Wiederherstellung …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Size, the compressor&apos;s own test and a .sha256 beside the file</source>
        <translation>Größe, der eigene Test des Packprogramms und eine .sha256 neben der Datei</translation>
    </message>
    <message>
        <source>pg_restore --list: reads the table of contents only, proves no data</source>
        <translation>pg_restore --list: liest nur das Inhaltsverzeichnis, belegt keine Daten</translation>
    </message>
    <message>
        <source>Reads and decodes every byte: truncation shows here</source>
        <translation>Liest und dekodiert jedes Byte: hier zeigt sich ein abgeschnittener Dump</translation>
    </message>
    <message>
        <source>Restore into a scratch database, count the biggest tables, drop it (Ctrl+Shift+T)</source>
        <translation>In eine Wegwerf-Datenbank wiederherstellen, die größten Tabellen zählen, sie löschen (Strg+Umschalt+T)</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Scratch server for test restores</source>
        <translation>Server für Test-Wiederherstellungen</translation>
    </message>
    <message>
        <source>Where test restores create their scratch database: the workspace databases with scratch-restores: true</source>
        <translation>Wo Test-Wiederherstellungen ihre Wegwerf-Datenbank anlegen: die Datenbanken des Arbeitsbereichs mit scratch-restores: true</translation>
    </message>
    <message>
        <source> on </source>
        <translation> auf </translation>
    </message>
    <message>
        <source>Filter backups</source>
        <translation>Sicherungen filtern</translation>
    </message>
    <message>
        <source>Filter: file, database, host</source>
        <translation>Filter: Datei, Datenbank, Host</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Database dumps</source>
        <translation>Datenbank-Dumps</translation>
    </message>
    <message>
        <source> Only: </source>
        <translation> Nur: </translation>
    </message>
    <message>
        <source>Files whose last verification failed</source>
        <translation>Dateien, deren letzte Prüfung fehlschlug</translation>
    </message>
    <message>
        <source>Files never verified, or only to L1 (TOC only)</source>
        <translation>Nie geprüfte Dateien oder nur bis L1 (nur Inhaltsverzeichnis)</translation>
    </message>
    <message>
        <source>Files in locations whose newest backup is too old</source>
        <translation>Dateien an Orten, deren neueste Sicherung zu alt ist</translation>
    </message>
    <message>
        <source>Select a backup file to see its details.</source>
        <translation>Wählen Sie eine Sicherungsdatei, um ihre Einzelheiten zu sehen.</translation>
    </message>
    <message>
        <source>Verification history</source>
        <translation>Prüfverlauf</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Last run&apos;s output</source>
        <translation>Ausgabe des letzten Laufs</translation>
    </message>
    <message>
        <source>What the last verification of this file said.</source>
        <translation>Was die letzte Prüfung dieser Datei ergab.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>no scratch server</source>
        <translation>kein Server für Wegwerf-Datenbanken</translation>
    </message>
    <message>
        <source>Verification records could not be read: %1</source>
        <translation>Prüfprotokolle ließen sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>server %1</source>
        <translation>Server %1</translation>
    </message>
    <message>
        <source>pg_dump %1</source>
        <translation>pg_dump %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>%1, %2 ago</source>
        <translation>%1, vor %2</translation>
    </message>
    <message>
        <source>Dumped</source>
        <translation>Gesichert</translation>
    </message>
    <message>
        <source> (the dumping host&apos;s clock)</source>
        <translation> (Uhr des sichernden Hosts)</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>no .sha256 beside it</source>
        <translation>keine .sha256 daneben</translation>
    </message>
    <message>
        <source>sha256 %1</source>
        <translation>sha256 %1</translation>
    </message>
    <message>
        <source>Last verification</source>
        <translation>Letzte Prüfung</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 at %2 (%3):
%4</source>
        <translation>%1 um %2 (%3):
%4</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>%1 (file changed since)</source>
        <translation>%1 (Datei seitdem geändert)</translation>
    </message>
    <message>
        <source>%1: cancelling…</source>
        <translation>%1: breche ab …</translation>
    </message>
    <message>
        <source>Listing every backup location again…</source>
        <translation>Liste alle Sicherungsorte erneut auf …</translation>
    </message>
    <message>
        <source>Select a backup file first.</source>
        <translation>Wählen Sie zuerst eine Sicherungsdatei.</translation>
    </message>
    <message>
        <source>Verification is not available here.</source>
        <translation>Prüfen ist hier nicht verfügbar.</translation>
    </message>
    <message>
        <source>%1 is being verified; wait for it or cancel it (Esc).</source>
        <translation>%1 wird gerade geprüft; warten Sie darauf oder brechen Sie ab (Esc).</translation>
    </message>
    <message>
        <source>Verify up to %1</source>
        <translation>Bis %1 prüfen</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>%1 prüfen</translation>
    </message>
    <message>
        <source>Another verification is running.</source>
        <translation>Eine andere Prüfung läuft.</translation>
    </message>
    <message>
        <source>%1: %2…</source>
        <translation>%1: %2 …</translation>
    </message>
    <message>
        <source>A test restore needs a scratch server: mark a workspace database with scratch-restores: true.</source>
        <translation>Eine Test-Wiederherstellung braucht einen Server für Wegwerf-Datenbanken: kennzeichnen Sie eine Datenbank des Arbeitsbereichs mit scratch-restores: true.</translation>
    </message>
    <message>
        <source>Test restore of %1 refused: %2</source>
        <translation>Test-Wiederherstellung von %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>Test restore refused: %1</source>
        <translation>Test-Wiederherstellung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Test restore of %1 into a scratch database on %2</source>
        <translation>Test-Wiederherstellung von %1 in eine Wegwerf-Datenbank auf %2</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1 …</translation>
    </message>
    <message>
        <source>creates a database %1… on that server, restores the dump into it, counts its biggest tables and drops it again; the server does the work of a full restore</source>
        <translation>legt auf diesem Server eine Datenbank %1… an, stellt den Dump darin wieder her, zählt ihre größten Tabellen und löscht sie wieder; der Server leistet die Arbeit einer vollständigen Wiederherstellung</translation>
    </message>
    <message>
        <source>%1: reading passwords…</source>
        <translation>%1: lese Passwörter …</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Back Up Now…</source>
        <translation>Jetzt sichern…</translation>
    </message>
    <message>
        <source>Retention…</source>
        <translation>Aufbewahrung…</translation>
    </message>
    <message>
        <source>Which files the location&apos;s retention rules would delete: a dry run first</source>
        <translation>Welche Dateien die Aufbewahrungsregeln des Orts löschen würden: zuerst ein Probelauf</translation>
    </message>
    <message>
        <source>%1 is under way; wait for it.</source>
        <translation>%1 läuft; bitte warten.</translation>
    </message>
    <message>
        <source>Host %1 is not in the workspace.</source>
        <translation>Host %1 ist nicht im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>%1: scanning the plain dump before anything runs it…</source>
        <translation>%1: Der SQL-Dump wird geprüft, bevor irgendetwas ihn ausführt…</translation>
    </message>
    <message>
        <source>Scanning %1</source>
        <translation>%1 wird geprüft</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: erledigt.</translation>
    </message>
    <message>
        <source>%1: not done: %2</source>
        <translation>%1: nicht erledigt: %2</translation>
    </message>
    <message>
        <source>%1 is not a database dump: only dumps are restored here.</source>
        <translation>%1 ist kein Datenbank-Dump: Hier werden nur Dumps wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restore of %1 over database %2 (%3)</source>
        <translation>Wiederherstellung von %1 über Datenbank %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>replaces every object of database %1 (%2) with the backup&apos;s and cuts its %n other session(s); what is there now is gone</source>
        <translation>
            <numerusform>ersetzt jedes Objekt der Datenbank %1 (%2) durch das der Sicherung und trennt ihre %n andere Sitzung; was jetzt darin ist, ist dann weg</numerusform>
            <numerusform>ersetzt jedes Objekt der Datenbank %1 (%2) durch das der Sicherung und trennt ihre %n anderen Sitzungen; was jetzt darin ist, ist dann weg</numerusform>
        </translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>Größe unbekannt</translation>
    </message>
    <message>
        <source>Choose a backup location first.</source>
        <translation>Zuerst einen Sicherungsort wählen.</translation>
    </message>
    <message>
        <source>Backup location %1 names no database of host %2 to back up (its database key).</source>
        <translation>Sicherungsort %1 nennt keine Datenbank von Host %2 zum Sichern (sein Schlüssel database).</translation>
    </message>
    <message>
        <source>Backup location %1 is an S3 listing: a backup is made into a directory on the host.</source>
        <translation>Sicherungsort %1 ist eine S3-Auflistung: Eine Sicherung wird in ein Verzeichnis auf dem Host geschrieben.</translation>
    </message>
    <message>
        <source>Back up database %1 into %2 / %3 now</source>
        <translation>Datenbank %1 jetzt nach %2 / %3 sichern</translation>
    </message>
    <message>
        <source>%1: reading the password…</source>
        <translation>%1: Passwort wird gelesen…</translation>
    </message>
    <message>
        <source>runs pg_dump -Fc on %1 and writes a new file into %2; nothing that is there is changed</source>
        <translation>führt pg_dump -Fc auf %1 aus und schreibt eine neue Datei nach %2; nichts Vorhandenes wird geändert</translation>
    </message>
    <message>
        <source>%1 / %2 has not been listed yet: wait for its listing.</source>
        <translation>%1 / %2 wurde noch nicht aufgelistet: auf die Auflistung warten.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n file(s) of %1 / %2</source>
        <translation>
            <numerusform>%n Datei von %1 / %2 löschen</numerusform>
            <numerusform>%n Dateien von %1 / %2 löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>deletes exactly the files the dry run listed (%1 freed); they cannot be brought back</source>
        <translation>löscht genau die Dateien, die der Probelauf aufgeführt hat (%1 frei); sie lassen sich nicht zurückholen</translation>
    </message>
    <message>
        <source>Restore this dump over a database of its host: shows what it replaces first</source>
        <translation>Diesen Dump über eine Datenbank seines Hosts wiederherstellen: zeigt zuerst, was ersetzt wird</translation>
    </message>
    <message>
        <source>pg_dump the location&apos;s database into it now</source>
        <translation>Die Datenbank des Orts jetzt mit pg_dump dorthin sichern</translation>
    </message>
</context>
<context>
    <name>OpsDeck::CheckBatch</name>
    <message>
        <source>cancelled before it answered</source>
        <translation>abgebrochen, bevor sie antwortete</translation>
    </message>
</context>
<context>
    <name>OpsDeck::CheckDetails</name>
    <message>
        <source>Open &amp;Runbook</source>
        <translation>&amp;Runbook öffnen</translation>
    </message>
    <message>
        <source>&amp;Declare Incident…</source>
        <translation>Incident &amp;ausrufen…</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Drag a rectangle over the chart to zoom in</source>
        <translation>Ziehen Sie ein Rechteck über das Diagramm, um hineinzuzoomen</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Choose a check to see its results over time.

Arrow keys move between checks, Enter opens one.</source>
        <translation>Wählen Sie eine Prüfung, um ihre Ergebnisse im Zeitverlauf zu sehen.

Mit den Pfeiltasten wechseln Sie zwischen Prüfungen, die Eingabetaste öffnet eine.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> (via %1)</source>
        <translation> (über %1)</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>%1 · not run yet</source>
        <translation>%1 · noch nicht gelaufen</translation>
    </message>
    <message>
        <source>The workspace names no runbook for this check</source>
        <translation>Der Arbeitsbereich nennt kein Runbook für diese Prüfung</translation>
    </message>
    <message>
        <source>Check %1 (%2): %3 at %4</source>
        <translation>Prüfung %1 (%2): %3 um %4</translation>
    </message>
    <message>
        <source>warning at %1</source>
        <translation>Warnung ab %1</translation>
    </message>
    <message>
        <source>critical at %1</source>
        <translation>kritisch ab %1</translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation>Alarme: %1</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Alarm: %1</translation>
    </message>
    <message>
        <source>&amp;Alerts and Silences…</source>
        <translation>Alarme und &amp;Stummschaltungen…</translation>
    </message>
    <message>
        <source>The environment&apos;s Alertmanager: its alerts and silences</source>
        <translation>Der Alertmanager der Umgebung: seine Alarme und Stummschaltungen</translation>
    </message>
</context>
<context>
    <name>OpsDeck::CheckExecutor</name>
    <message>
        <source>%1 gave no answer within %2</source>
        <translation>%1 hat innerhalb von %2 nicht geantwortet</translation>
    </message>
    <message>
        <source>cannot reach %1 to check %2 from there</source>
        <translation>%1 ist nicht erreichbar, um %2 von dort zu prüfen</translation>
    </message>
    <message>
        <source>cannot run curl on %1: %2</source>
        <translation>curl kann auf %1 nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>curl is not installed on %1, which checks %2</source>
        <translation>curl ist auf %1 nicht installiert, das %2 prüft</translation>
    </message>
    <message>
        <source>%1 from %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (von %2)</translation>
    </message>
    <message>
        <source>cannot reach %1 to check %2:%3 from there</source>
        <translation>%1 ist nicht erreichbar, um %2:%3 von dort zu prüfen</translation>
    </message>
    <message>
        <source>cannot reach %1:%2 through %3: %4</source>
        <translation>%1:%2 ist über %3 nicht erreichbar: %4</translation>
    </message>
    <message>
        <source> (through %1)</source>
        <translation> (über %1)</translation>
    </message>
    <message>
        <source>cannot reach %1</source>
        <translation>%1 ist nicht erreichbar</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 listens on a Unix socket of %2, which an SSH tunnel cannot reach; give it a host and port in the workspace</source>
        <translation>%1 lauscht auf einem Unix-Socket von %2, den ein SSH-Tunnel nicht erreicht; gib im Arbeitsbereich Host und Port an</translation>
    </message>
    <message>
        <source>%1 needs the password in keychain entry &apos;%2&apos;, and no keychain is open here</source>
        <translation>%1 braucht das Passwort aus dem Schlüsselbund-Eintrag „%2“, aber hier ist kein Schlüsselbund geöffnet</translation>
    </message>
    <message>
        <source>the keychain has no entry &apos;%1&apos; for %2</source>
        <translation>der Schlüsselbund hat keinen Eintrag „%1“ für %2</translation>
    </message>
    <message>
        <source>%1 is reported by the backup catalog, not run as a check</source>
        <translation>%1 meldet der Sicherungskatalog, es läuft nicht als Prüfung</translation>
    </message>
</context>
<context>
    <name>OpsDeck::CheckHistoryStore</name>
    <message>
        <source>Cannot keep a check result in the state database: %1</source>
        <translation>Ein Prüfergebnis kann nicht in der Zustandsdatenbank gespeichert werden: %1</translation>
    </message>
    <message>
        <source>There is no state database.</source>
        <translation>Es gibt keine Zustandsdatenbank.</translation>
    </message>
    <message>
        <source>Cannot read check history from %1: %2</source>
        <translation>Der Prüfverlauf kann nicht aus %1 gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>OpsDeck::CheckHistoryTableModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>OpsDeck::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Go to a page, a host or an action…</source>
        <translation>Zu einer Seite, einem Host oder einer Aktion wechseln…</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
</context>
<context>
    <name>OpsDeck::CommandSessionModel</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source> (start dropped)</source>
        <translation> (Anfang verworfen)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
</context>
<context>
    <name>OpsDeck::CommunicationPanel</name>
    <message>
        <source>Fill again</source>
        <translation>Neu ausfüllen</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Message template</source>
        <translation>Nachrichtenvorlage</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Fill the template from the incident as it is now; your changes to this message are replaced</source>
        <translation>Die Vorlage mit dem aktuellen Stand des Vorfalls ausfüllen; Ihre Änderungen an dieser Nachricht werden ersetzt</translation>
    </message>
    <message>
        <source>Copy the message and note on the timeline that it was sent</source>
        <translation>Die Nachricht kopieren und in der Zeitleiste vermerken, dass sie gesendet wurde</translation>
    </message>
    <message>
        <source>Fields filled from the incident: %1.&lt;br&gt;Change the texts in the workspace file under &lt;code&gt;templates:&lt;/code&gt;, keys %2.</source>
        <translation>Aus dem Vorfall ausgefüllte Felder: %1.&lt;br&gt;Die Texte lassen sich in der Arbeitsbereichsdatei unter &lt;code&gt;templates:&lt;/code&gt; ändern, Schlüssel %2.</translation>
    </message>
    <message>
        <source>Copied to the clipboard, but not recorded on the timeline: %1</source>
        <translation>In die Zwischenablage kopiert, aber nicht in der Zeitleiste vermerkt: %1</translation>
    </message>
    <message>
        <source>Copied to the clipboard; noting it on the timeline…</source>
        <translation>In die Zwischenablage kopiert; wird in der Zeitleiste vermerkt…</translation>
    </message>
    <message>
        <source>Copied at %1 and noted on the timeline.</source>
        <translation>Um %1 kopiert und in der Zeitleiste vermerkt.</translation>
    </message>
    <message>
        <source>%1 (edited)</source>
        <translation>%1 (bearbeitet)</translation>
    </message>
    <message>
        <source>Text from the workspace file</source>
        <translation>Text aus der Arbeitsbereichsdatei</translation>
    </message>
    <message>
        <source>OpsDeck&apos;s default text</source>
        <translation>Standardtext von OpsDeck</translation>
    </message>
    <message>
        <source>Text from the workspace file (templates: %1)</source>
        <translation>Text aus der Arbeitsbereichsdatei (templates: %1)</translation>
    </message>
    <message>
        <source>%1, edited here</source>
        <translation>%1, hier bearbeitet</translation>
    </message>
    <message>
        <source>Declare or resume an incident to fill in the template.</source>
        <translation>Eröffnen Sie einen Vorfall oder setzen Sie einen fort, um die Vorlage auszufüllen.</translation>
    </message>
</context>
<context>
    <name>OpsDeck::ContainerGroupModel</name>
    <message numerus="yes">
        <source>No project (%n)</source>
        <translation>
            <numerusform>Kein Projekt (%n)</numerusform>
            <numerusform>Kein Projekt (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No namespace (%n)</source>
        <translation>
            <numerusform>Kein Namespace (%n)</numerusform>
            <numerusform>Kein Namespace (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s); worst: %1</source>
        <translation>
            <numerusform>%n Zeile; schlechtester Zustand: %1</numerusform>
            <numerusform>%n Zeilen; schlechtester Zustand: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::ContainerListModel</name>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1m</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>%1 Kerne</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1s</translation>
    </message>
    <message>
        <source>%1m%2s</source>
        <translation>%1m%2s</translation>
    </message>
    <message>
        <source>%1h%2m</source>
        <translation>%1h%2m</translation>
    </message>
    <message>
        <source>%1h</source>
        <translation>%1h</translation>
    </message>
    <message>
        <source>%1d%2h</source>
        <translation>%1d%2h</translation>
    </message>
    <message>
        <source>%1d</source>
        <translation>%1d</translation>
    </message>
    <message>
        <source>%1y</source>
        <translation>%1J</translation>
    </message>
    <message>
        <source>%1 (last: %2)</source>
        <translation>%1 (zuletzt: %2)</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (vor %2)</translation>
    </message>
    <message>
        <source>Cannot list: %1</source>
        <translation>Auflisten nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (stale)</source>
        <translation>%1 (veraltet)</translation>
    </message>
    <message>
        <source>%1 on %2 failed: %3</source>
        <translation>%1 auf %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Exit code: %1</source>
        <translation>Exit-Code: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>OpsDeck::ContainerSourcesModel</name>
    <message numerus="yes">
        <source>%1 (%n failing)</source>
        <translation>
            <numerusform>%1 (%n fehlerhaft)</numerusform>
            <numerusform>%1 (%n fehlerhaft)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Kubernetes %1</source>
        <translation>Kubernetes %1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>loading, %1 of %2 loaded</source>
        <translation>lädt, %1 von %2 geladen</translation>
    </message>
    <message>
        <source>loading, %1 loaded</source>
        <translation>lädt, %1 geladen</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>lädt</translation>
    </message>
    <message numerus="yes">
        <source>ready, %n row(s)</source>
        <translation>
            <numerusform>bereit, %n Zeile</numerusform>
            <numerusform>bereit, %n Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ready, %n row(s), updated %1</source>
        <translation>
            <numerusform>bereit, %n Zeile, aktualisiert %1</numerusform>
            <numerusform>bereit, %n Zeilen, aktualisiert %1</numerusform>
        </translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>nicht installiert</translation>
    </message>
    <message>
        <source>Also in the kubeconfig: %1 (add one with Watch Context in this node&apos;s menu)</source>
        <translation>Außerdem in der kubeconfig: %1 (mit „Kontext beobachten“ im Menü dieses Knotens hinzufügen)</translation>
    </message>
    <message>
        <source>failed: %1 — %2</source>
        <translation>fehlgeschlagen: %1 — %2</translation>
    </message>
</context>
<context>
    <name>OpsDeck::ContainersPage</name>
    <message>
        <source>Container sources</source>
        <translation>Container-Quellen</translation>
    </message>
    <message>
        <source>Containers and pods</source>
        <translation>Container und Pods</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Exec…</source>
        <translation>Exec…</translation>
    </message>
    <message>
        <source>Filter by name, image, host, status… (Ctrl+F)</source>
        <translation>Nach Name, Image, Host, Status filtern … (Strg+F)</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Label selector</source>
        <translation>Label-Selektor</translation>
    </message>
    <message>
        <source>Labels: app=web,tier!=cache</source>
        <translation>Labels: app=web,tier!=cache</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>Keine Gruppierung</translation>
    </message>
    <message>
        <source>By host</source>
        <translation>Nach Host</translation>
    </message>
    <message>
        <source>By project or workload</source>
        <translation>Nach Projekt oder Workload</translation>
    </message>
    <message>
        <source>By namespace</source>
        <translation>Nach Namespace</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Inspect</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>Mounts</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Select a container or pod to see its details.</source>
        <translation>Wählen Sie einen Container oder Pod, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Project or workload</source>
        <translation>Projekt oder Workload</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>Last restart reason</source>
        <translation>Grund des letzten Neustarts</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Pod IP</source>
        <translation>Pod-IP</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Compose directory</source>
        <translation>Compose-Verzeichnis</translation>
    </message>
    <message>
        <source>Compose files</source>
        <translation>Compose-Dateien</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Nothing selected.</source>
        <translation>Nichts ausgewählt.</translation>
    </message>
    <message>
        <source>Loading details of %1…</source>
        <translation>Details von %1 werden geladen …</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>%1 does not apply to %2.</source>
        <translation>%1 ist für %2 nicht möglich.</translation>
    </message>
    <message>
        <source>%1 (previous) on %2</source>
        <translation>%1 (vorherige) auf %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 %2 on %3%4</source>
        <translation>%1 %2 auf %3%4</translation>
    </message>
    <message>
        <source>, previous instance</source>
        <translation>, vorherige Instanz</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Skalieren</translation>
    </message>
    <message>
        <source>Replicas of %1:</source>
        <translation>Replikate von %1:</translation>
    </message>
    <message>
        <source>%1: no connection to %2.</source>
        <translation>%1: keine Verbindung zu %2.</translation>
    </message>
    <message>
        <source>%1 %2 on %3:
%4</source>
        <translation>%1 %2 auf %3:
%4</translation>
    </message>
    <message>
        <source>%1 cancelled.</source>
        <translation>%1 abgebrochen.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: running…</source>
        <translation>%1: läuft …</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: erledigt.</translation>
    </message>
    <message>
        <source>%1: failed with exit code %2.</source>
        <translation>%1: mit Exit-Code %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>%1: not run: %2</source>
        <translation>%1: nicht ausgeführt: %2</translation>
    </message>
    <message>
        <source>%1: stopped (%2).</source>
        <translation>%1: gestoppt (%2).</translation>
    </message>
    <message>
        <source>All Sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>Describe</source>
        <translation>Beschreiben</translation>
    </message>
    <message>
        <source>kubectl describe</source>
        <translation>kubectl describe</translation>
    </message>
    <message>
        <source>Describe Again</source>
        <translation>Erneut beschreiben</translation>
    </message>
    <message>
        <source>Read kubectl describe again (%1)</source>
        <translation>kubectl describe erneut lesen (%1)</translation>
    </message>
    <message>
        <source>Exec</source>
        <translation>Exec</translation>
    </message>
    <message>
        <source>Container of %1 to run the command in:</source>
        <translation>Container von %1, in dem der Befehl laufen soll:</translation>
    </message>
    <message>
        <source>Describe is for Kubernetes pods: select a pod.</source>
        <translation>Beschreiben gibt es für Kubernetes-Pods: wählen Sie einen Pod.</translation>
    </message>
    <message>
        <source>Reading kubectl describe pod %1…</source>
        <translation>Lese kubectl describe pod %1 …</translation>
    </message>
    <message>
        <source>Describe: %1</source>
        <translation>Beschreiben: %1</translation>
    </message>
    <message>
        <source>kubectl describe pod %1, read at %2</source>
        <translation>kubectl describe pod %1, gelesen um %2</translation>
    </message>
    <message>
        <source>Watching Kubernetes context %1 on %2: its pods follow with the next read.</source>
        <translation>Beobachte Kubernetes-Kontext %1 auf %2: seine Pods folgen beim nächsten Lesen.</translation>
    </message>
    <message>
        <source>Stopped watching Kubernetes context %1 on %2.</source>
        <translation>Kubernetes-Kontext %1 auf %2 wird nicht mehr beobachtet.</translation>
    </message>
    <message>
        <source>Watch Context</source>
        <translation>Kontext beobachten</translation>
    </message>
    <message>
        <source>Stop Watching</source>
        <translation>Nicht mehr beobachten</translation>
    </message>
</context>
<context>
    <name>OpsDeck::CredentialDialog</name>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Key Passphrase</source>
        <translation>Schlüssel-Passphrase</translation>
    </message>
    <message>
        <source>Password for &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation>Passwort für &lt;b&gt;%1&lt;/b&gt;:</translation>
    </message>
    <message>
        <source>Passphrase for the key &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation>Passphrase für den Schlüssel &lt;b&gt;%1&lt;/b&gt;:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Remember until OpsDeck quits (no system keychain)</source>
        <translation>Merken, bis OpsDeck beendet wird (kein Schlüsselbund des Systems)</translation>
    </message>
    <message>
        <source>Remember in the system keychain as &quot;%1&quot;</source>
        <translation>Im Schlüsselbund des Systems als „%1“ merken</translation>
    </message>
</context>
<context>
    <name>OpsDeck::CredentialStore</name>
    <message numerus="yes">
        <source>the keychain service did not answer within %n second(s)</source>
        <translation>
            <numerusform>der Schlüsselbund-Dienst hat nicht innerhalb von %n Sekunde geantwortet</numerusform>
            <numerusform>der Schlüsselbund-Dienst hat nicht innerhalb von %n Sekunden geantwortet</numerusform>
        </translation>
    </message>
    <message>
        <source>The keychain entry has no name.</source>
        <translation>Der Schlüsselbund-Eintrag hat keinen Namen.</translation>
    </message>
    <message>
        <source>The password for &apos;keychain:%1&apos; is empty; remove the entry instead.</source>
        <translation>Das Passwort für &apos;keychain:%1&apos; ist leer; entfernen Sie stattdessen den Eintrag.</translation>
    </message>
    <message>
        <source>The password for &apos;keychain:%1&apos; contains a NUL character, which the system keychain cannot store.</source>
        <translation>Das Passwort für &apos;keychain:%1&apos; enthält ein NUL-Zeichen, das der Schlüsselbund des Systems nicht speichern kann.</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>Cannot read &apos;keychain:%1&apos; from the system keychain: %2</source>
        <translation>&apos;keychain:%1&apos; kann nicht aus dem Schlüsselbund des Systems gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot store &apos;keychain:%1&apos; in the system keychain: %2</source>
        <translation>&apos;keychain:%1&apos; kann nicht im Schlüsselbund des Systems gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Cannot remove &apos;keychain:%1&apos; from the system keychain: %2</source>
        <translation>&apos;keychain:%1&apos; kann nicht aus dem Schlüsselbund des Systems entfernt werden: %2</translation>
    </message>
    <message>
        <source>No system keychain is available (%1); passwords are kept in memory until OpsDeck quits.</source>
        <translation>Kein Schlüsselbund des Systems verfügbar (%1); Passwörter werden nur im Arbeitsspeicher gehalten, bis OpsDeck beendet wird.</translation>
    </message>
    <message>
        <source>&apos;keychain:%1&apos; is to be bound to no address.</source>
        <translation>&apos;keychain:%1&apos; soll an keine Adresse gebunden werden.</translation>
    </message>
    <message>
        <source>Cannot store the address &apos;keychain:%1&apos; is bound to: %2</source>
        <translation>Die Adresse, an die &apos;keychain:%1&apos; gebunden ist, kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>&apos;keychain:%1&apos; is asked for without the address it goes to.</source>
        <translation>&apos;keychain:%1&apos; wird ohne die Adresse angefordert, an die es gehen soll.</translation>
    </message>
    <message>
        <source>Cannot read the address &apos;keychain:%1&apos; is bound to: %2</source>
        <translation>Die Adresse, an die &apos;keychain:%1&apos; gebunden ist, kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The address &apos;keychain:%1&apos; is bound to cannot be read; store the secret again to bind it anew.</source>
        <translation>Die Adresse, an die &apos;keychain:%1&apos; gebunden ist, ist unlesbar; speichern Sie das Geheimnis erneut, um es neu zu binden.</translation>
    </message>
    <message>
        <source>&apos;keychain:%1&apos; was stored for %2. OpsDeck does not send it to %3 without your consent, and nobody is here to give it.</source>
        <translation>&apos;keychain:%1&apos; wurde für %2 gespeichert. OpsDeck sendet es ohne Ihre Zustimmung nicht an %3, und niemand ist da, um sie zu geben.</translation>
    </message>
    <message>
        <source>&apos;keychain:%1&apos; was not sent to %2: it was stored for %3, and you did not agree to send it elsewhere.</source>
        <translation>&apos;keychain:%1&apos; wurde nicht an %2 gesendet: Es wurde für %3 gespeichert, und Sie haben nicht zugestimmt, es anderswohin zu senden.</translation>
    </message>
</context>
<context>
    <name>OpsDeck::DashboardGrid</name>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>not run yet</source>
        <translation>noch nicht gelaufen</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>waiting for the first result</source>
        <translation>wartet auf das erste Ergebnis</translation>
    </message>
    <message>
        <source>No check matches the filter.</source>
        <translation>Keine Prüfung passt zum Filter.</translation>
    </message>
    <message>
        <source>No checks yet. Describe services, hosts, databases, Redis instances and an Alertmanager in the workspace, and their health shows here.</source>
        <translation>Noch keine Prüfungen. Beschreiben Sie Dienste, Hosts, Datenbanken, Redis-Instanzen und einen Alertmanager im Arbeitsbereich, dann erscheint ihr Zustand hier.</translation>
    </message>
</context>
<context>
    <name>OpsDeck::DashboardPage</name>
    <message>
        <source>Only &amp;problems</source>
        <translation>Nur &amp;Probleme</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Run every check now (F5)</source>
        <translation>Alle Prüfungen jetzt ausführen (F5)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>&amp;Morning Check…</source>
        <translation>&amp;Morgenprüfung…</translation>
    </message>
    <message>
        <source>Run every check of the environment once and write a report of what was checked</source>
        <translation>Jede Prüfung der Umgebung einmal ausführen und einen Bericht über das Geprüfte schreiben</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>Filter checks</source>
        <translation>Prüfungen filtern</translation>
    </message>
    <message>
        <source>All environments</source>
        <translation>Alle Umgebungen</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Checks are paused: resume running them</source>
        <translation>Die Prüfungen sind pausiert: wieder ausführen</translation>
    </message>
    <message>
        <source>Stop running checks until resumed</source>
        <translation>Keine Prüfungen mehr ausführen, bis fortgesetzt wird</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Every check as a tile, and the chosen one&apos;s details</source>
        <translation>Jede Prüfung als Kachel, dazu die Einzelheiten der gewählten</translation>
    </message>
    <message>
        <source>The environment&apos;s key metrics from its Prometheus</source>
        <translation>Die wichtigsten Metriken der Umgebung aus ihrem Prometheus</translation>
    </message>
</context>
<context>
    <name>OpsDeck::DatabasesPage</name>
    <message>
        <source>%1 · ring of waiters</source>
        <translation>%1 · Ring von Wartenden</translation>
    </message>
    <message>
        <source>%1 · root blocker</source>
        <translation>%1 · Wurzel-Blockierer</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>verloren</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Hide idle</source>
        <translation>Untätige ausblenden</translation>
    </message>
    <message>
        <source>No session waits for a lock.</source>
        <translation>Keine Sitzung wartet auf eine Sperre.</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Long-running</source>
        <translation>Lang laufend</translation>
    </message>
    <message>
        <source>Slow queries</source>
        <translation>Langsame Abfragen</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Replikation</translation>
    </message>
    <message>
        <source>Query text</source>
        <translation>Abfragetext</translation>
    </message>
    <message>
        <source>Select a session or statement to see its whole query.</source>
        <translation>Wählen Sie eine Sitzung oder Anweisung, um ihre ganze Abfrage zu sehen.</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Read the shown view now (F5)</source>
        <translation>Die angezeigte Ansicht jetzt lesen (F5)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Refresh paused.</source>
        <translation>Aktualisierung pausiert.</translation>
    </message>
    <message>
        <source>Stop refreshing; Refresh now still reads once</source>
        <translation>Aktualisierung anhalten; „Jetzt aktualisieren“ liest weiterhin einmal</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Cancel Query…</source>
        <translation>Abfrage abbrechen…</translation>
    </message>
    <message>
        <source>Terminate Session…</source>
        <translation>Sitzung beenden…</translation>
    </message>
    <message>
        <source>Terminate Idle…</source>
        <translation>Untätige beenden…</translation>
    </message>
    <message>
        <source>VACUUM ANALYZE…</source>
        <translation>VACUUM ANALYZE…</translation>
    </message>
    <message>
        <source>Reset Statistics…</source>
        <translation>Statistik zurücksetzen…</translation>
    </message>
    <message>
        <source>Terminate the client sessions idle for longer than some minutes; the list is shown before anything happens</source>
        <translation>Die Client-Sitzungen beenden, die länger als einige Minuten untätig sind; die Liste wird gezeigt, bevor etwas geschieht</translation>
    </message>
    <message>
        <source>Refresh interval</source>
        <translation>Aktualisierungsintervall</translation>
    </message>
    <message>
        <source>How often the shown view is read</source>
        <translation>Wie oft die angezeigte Ansicht gelesen wird</translation>
    </message>
    <message>
        <source>Every 2 s</source>
        <translation>Alle 2 s</translation>
    </message>
    <message>
        <source>Every 5 s</source>
        <translation>Alle 5 s</translation>
    </message>
    <message>
        <source>Every 10 s</source>
        <translation>Alle 10 s</translation>
    </message>
    <message>
        <source>Every 30 s</source>
        <translation>Alle 30 s</translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>Jede Minute</translation>
    </message>
    <message>
        <source>Filter the rows (Ctrl+F)</source>
        <translation>Zeilen filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Up for</source>
        <translation>Läuft seit</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>Transactions/s</source>
        <translation>Transaktionen/s</translation>
    </message>
    <message>
        <source>Rollbacks</source>
        <translation>Rollbacks</translation>
    </message>
    <message>
        <source>Deadlocks</source>
        <translation>Deadlocks</translation>
    </message>
    <message>
        <source>Temp files</source>
        <translation>Temp-Dateien</translation>
    </message>
    <message>
        <source>Connections by state</source>
        <translation>Verbindungen nach Zustand</translation>
    </message>
    <message>
        <source>Transactions per second</source>
        <translation>Transaktionen pro Sekunde</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/s</translation>
    </message>
    <message>
        <source>Databases of the server</source>
        <translation>Datenbanken des Servers</translation>
    </message>
    <message>
        <source>Minimum duration</source>
        <translation>Mindestdauer</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Only sessions that have run their query (or been in their state) this long</source>
        <translation>Nur Sitzungen, deren Abfrage (oder Zustand) schon so lange andauert</translation>
    </message>
    <message>
        <source>Minimum duration:</source>
        <translation>Mindestdauer:</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Lock waits</source>
        <translation>Sperrwartende</translation>
    </message>
    <message>
        <source>Long-running sessions</source>
        <translation>Lang laufende Sitzungen</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Anweisungen</translation>
    </message>
    <message>
        <source>pg_stat_statements since its last reset</source>
        <translation>pg_stat_statements seit dem letzten Zurücksetzen</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replikate</translation>
    </message>
    <message>
        <source>Replication slots</source>
        <translation>Replikations-Slots</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>untätig</translation>
    </message>
    <message>
        <source>idle in transaction</source>
        <translation>untätig in Transaktion</translation>
    </message>
    <message>
        <source>other</source>
        <translation>sonstige</translation>
    </message>
    <message>
        <source>transactions</source>
        <translation>Transaktionen</translation>
    </message>
    <message>
        <source>rollbacks</source>
        <translation>Rollbacks</translation>
    </message>
    <message>
        <source>Active queries running longer than %1 min and sessions idle in a transaction longer than %2 min (the workspace&apos;s long_running_query and idle_in_transaction thresholds).</source>
        <translation>Aktive Abfragen, die länger als %1 min laufen, und Sitzungen, die länger als %2 min untätig in einer Transaktion sind (die Schwellwerte long_running_query und idle_in_transaction des Arbeitsbereichs).</translation>
    </message>
    <message>
        <source>Choose a database on the left.</source>
        <translation>Wählen Sie links eine Datenbank.</translation>
    </message>
    <message>
        <source>The workspace lists no database. Add one under a host&apos;s databases: in the workspace file.</source>
        <translation>Der Arbeitsbereich nennt keine Datenbank. Fügen Sie eine unter databases: eines Hosts in der Arbeitsbereichsdatei hinzu.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Connection to %1 lost: %2. The next refresh reconnects.</source>
        <translation>Verbindung zu %1 verloren: %2. Die nächste Aktualisierung verbindet neu.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2</source>
        <translation>Lesen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Gestartet %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <source>Client connections against max_connections less the reserved ones
%1</source>
        <translation>Client-Verbindungen gegenüber max_connections abzüglich der reservierten
%1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Blocks found in shared buffers, over every database since the statistics were reset</source>
        <translation>In den Shared Buffers gefundene Blöcke, über alle Datenbanken seit dem Zurücksetzen der Statistik</translation>
    </message>
    <message>
        <source>Since the statistics were reset</source>
        <translation>Seit dem Zurücksetzen der Statistik</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Sorts and hashes that did not fit work_mem and spilled to disk</source>
        <translation>Sortierungen und Hashes, die nicht in work_mem passten und auf die Platte ausgelagert wurden</translation>
    </message>
    <message>
        <source>This server is a standby; it last replayed a transaction %1 ago.</source>
        <translation>Dieser Server ist ein Standby; er hat zuletzt vor %1 eine Transaktion eingespielt.</translation>
    </message>
    <message>
        <source>This server is a standby.</source>
        <translation>Dieser Server ist ein Standby.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>WAL archiving: archive_mode %1; %2 segments archived, the last %3 at %4</source>
        <translation>WAL-Archivierung: archive_mode %1; %2 Segmente archiviert, das letzte %3 um %4</translation>
    </message>
    <message>
        <source>WAL archiving: archive_mode %1; nothing archived yet</source>
        <translation>WAL-Archivierung: archive_mode %1; noch nichts archiviert</translation>
    </message>
    <message>
        <source>; %1 failed (last %2 at %3)</source>
        <translation>; %1 fehlgeschlagen (zuletzt %2 um %3)</translation>
    </message>
    <message>
        <source>WAL archiving: not readable here.</source>
        <translation>WAL-Archivierung: hier nicht lesbar.</translation>
    </message>
    <message>
        <source>Replicas: none streams from this server</source>
        <translation>Replikate: keines repliziert von diesem Server</translation>
    </message>
    <message>
        <source>Select a session in Activity, Locks or Long-running first</source>
        <translation>Wählen Sie zuerst eine Sitzung in Aktivität, Sperren oder Lang laufend</translation>
    </message>
    <message>
        <source>Cancel the running query of session %1; the session stays</source>
        <translation>Die laufende Abfrage von Sitzung %1 abbrechen; die Sitzung bleibt</translation>
    </message>
    <message>
        <source>End session %1: its transaction is rolled back</source>
        <translation>Sitzung %1 beenden: Ihre Transaktion wird zurückgerollt</translation>
    </message>
    <message>
        <source>VACUUM (ANALYZE) %1.%2</source>
        <translation>VACUUM (ANALYZE) %1.%2</translation>
    </message>
    <message>
        <source>Select a table first</source>
        <translation>Wählen Sie zuerst eine Tabelle</translation>
    </message>
    <message>
        <source>Database Password</source>
        <translation>Datenbankpasswort</translation>
    </message>
    <message>
        <source>The keychain has no password for %1 (entry &apos;%2&apos;).</source>
        <translation>Der Schlüsselbund hat kein Passwort für %1 (Eintrag „%2“).</translation>
    </message>
    <message>
        <source>%1: no password given; not connected.</source>
        <translation>%1: kein Passwort angegeben; nicht verbunden.</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: erledigt.</translation>
    </message>
    <message>
        <source>%1: not done: %2</source>
        <translation>%1: nicht erledigt: %2</translation>
    </message>
    <message>
        <source>Choose a database first.</source>
        <translation>Wählen Sie zuerst eine Datenbank.</translation>
    </message>
    <message>
        <source>Select a session first.</source>
        <translation>Wählen Sie zuerst eine Sitzung.</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 von %2 (%3)</translation>
    </message>
    <message>
        <source>Cancel the query of session %1</source>
        <translation>Die Abfrage von Sitzung %1 abbrechen</translation>
    </message>
    <message>
        <source>Terminate session %1</source>
        <translation>Sitzung %1 beenden</translation>
    </message>
    <message>
        <source>%1: cancelled.</source>
        <translation>%1: abgebrochen.</translation>
    </message>
    <message>
        <source>%1: running…</source>
        <translation>%1: läuft…</translation>
    </message>
    <message>
        <source>%1 on %2
%3</source>
        <translation>%1 auf %2
%3</translation>
    </message>
    <message>
        <source>the running statement stops with an error; the session and its transaction stay</source>
        <translation>die laufende Anweisung endet mit einem Fehler; die Sitzung und ihre Transaktion bleiben</translation>
    </message>
    <message>
        <source>the session ends and its open transaction is rolled back</source>
        <translation>die Sitzung endet und ihre offene Transaktion wird zurückgerollt</translation>
    </message>
    <message>
        <source>Terminate Idle Sessions</source>
        <translation>Untätige Sitzungen beenden</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Idle for</source>
        <translation>Untätig seit</translation>
    </message>
    <message>
        <source>Last query</source>
        <translation>Letzte Abfrage</translation>
    </message>
    <message>
        <source>Preview lists the sessions that would end.</source>
        <translation>Die Vorschau listet die Sitzungen, die enden würden.</translation>
    </message>
    <message>
        <source>Terminate These…</source>
        <translation>Diese beenden…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lese…</translation>
    </message>
    <message numerus="yes">
        <source>No client session has been idle longer than %n minute(s).</source>
        <translation>
            <numerusform>Keine Client-Sitzung ist länger als %n Minute untätig.</numerusform>
            <numerusform>Keine Client-Sitzung ist länger als %n Minuten untätig.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) would be terminated.</source>
        <translation>
            <numerusform>%n Sitzung würde beendet.</numerusform>
            <numerusform>%n Sitzungen würden beendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Client sessions idle longer than</source>
        <translation>Client-Sitzungen, untätig länger als</translation>
    </message>
    <message>
        <source>%1 (%2, %3, idle %4)</source>
        <translation>%1 (%2, %3, untätig %4)</translation>
    </message>
    <message numerus="yes">
        <source>Terminate %n idle session(s) of %1</source>
        <translation>
            <numerusform>%n untätige Sitzung von %1 beenden</numerusform>
            <numerusform>%n untätige Sitzungen von %1 beenden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1:
%2</source>
        <translation>%1:
%2</translation>
    </message>
    <message>
        <source>these sessions end; a connection pool opens new ones</source>
        <translation>diese Sitzungen enden; ein Verbindungspool öffnet neue</translation>
    </message>
    <message>
        <source>Select a table first.</source>
        <translation>Wählen Sie zuerst eine Tabelle.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>VACUUM reads the whole table and adds I/O while it runs</source>
        <translation>VACUUM liest die ganze Tabelle und erzeugt zusätzliche E/A, solange es läuft</translation>
    </message>
    <message>
        <source>Reset pg_stat_statements of %1</source>
        <translation>pg_stat_statements von %1 zurücksetzen</translation>
    </message>
    <message>
        <source>every statement&apos;s statistics start again from zero, for everybody</source>
        <translation>die Statistik jeder Anweisung beginnt für alle wieder bei null</translation>
    </message>
    <message>
        <source>I/O by backend type (pg_stat_io)</source>
        <translation>E/A nach Backend-Typ (pg_stat_io)</translation>
    </message>
</context>
<context>
    <name>OpsDeck::DiagnosticsModel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>OpsDeck::HealthBoardModel</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source> since %1 UTC</source>
        <translation> seit %1 UTC</translation>
    </message>
    <message>
        <source>, silenced</source>
        <translation>, stummgeschaltet</translation>
    </message>
</context>
<context>
    <name>OpsDeck::HostEditDialog</name>
    <message>
        <source>Add Host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>Edit Host %1</source>
        <translation>Host %1 bearbeiten</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>This computer (no SSH)</source>
        <translation>Dieser Computer (ohne SSH)</translation>
    </message>
    <message>
        <source>same as the name</source>
        <translation>wie der Name</translation>
    </message>
    <message>
        <source>your user name</source>
        <translation>Ihr Benutzername</translation>
    </message>
    <message>
        <source>OpenSSH&apos;s default keys</source>
        <translation>Standardschlüssel von OpenSSH</translation>
    </message>
    <message>
        <source>None (direct)</source>
        <translation>Keiner (direkt)</translation>
    </message>
    <message>
        <source>comma-separated, e.g. web, frontend</source>
        <translation>durch Kommas getrennt, z. B. web, frontend</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Au&amp;thentication:</source>
        <translation>Au&amp;thentifizierung:</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Schlüsseldatei:</translation>
    </message>
    <message>
        <source>&amp;Jump host:</source>
        <translation>Sp&amp;runghost:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Ta&amp;gs:</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>OpsDeck::HostKeyDialog</name>
    <message>
        <source>Unknown Host Key</source>
        <translation>Unbekannter Hostschlüssel</translation>
    </message>
    <message>
        <source>Accept and &amp;Remember</source>
        <translation>Akzeptieren und &amp;merken</translation>
    </message>
    <message>
        <source>Accept &amp;Once</source>
        <translation>&amp;Einmal akzeptieren</translation>
    </message>
    <message>
        <source>Address: &lt;b&gt;%1&lt;/b&gt; port &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Adresse: &lt;b&gt;%1&lt;/b&gt; Port &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Host key alias (ssh_config HostKeyAlias): &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Alias für den Hostschlüssel (ssh_config HostKeyAlias): &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Accept and Remember&lt;/i&gt; adds it to %1.</source>
        <translation>&lt;i&gt;Akzeptieren und merken&lt;/i&gt; trägt ihn in %1 ein.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The authenticity of host &lt;b&gt;%1&lt;/b&gt; cannot be established: its key is in no known_hosts file.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Key type: &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;Fingerprint: &lt;tt&gt;%4&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Compare the fingerprint with the one the host&apos;s administrator gives you (&lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub&lt;/tt&gt; on the host) before you accept it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Echtheit des Hosts &lt;b&gt;%1&lt;/b&gt; kann nicht festgestellt werden: Sein Schlüssel steht in keiner known_hosts-Datei.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Schlüsseltyp: &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;Fingerabdruck: &lt;tt&gt;%4&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Vergleichen Sie den Fingerabdruck mit dem, den Ihnen die Administration des Hosts nennt (&lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub&lt;/tt&gt; auf dem Host), bevor Sie ihn akzeptieren.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OpsDeck::IncidentPage</name>
    <message>
        <source>No incident is open</source>
        <translation>Kein Vorfall offen</translation>
    </message>
    <message>
        <source>Declaring an incident starts its timeline: every step you run, every note and every status change is recorded as it happens, and the report is written from it.</source>
        <translation>Mit dem Eröffnen eines Vorfalls beginnt seine Zeitleiste: Jeder ausgeführte Schritt, jede Notiz und jede Statusänderung wird festgehalten, sobald sie geschieht, und daraus entsteht der Bericht.</translation>
    </message>
    <message>
        <source>&amp;Declare Incident…</source>
        <translation>&amp;Vorfall eröffnen…</translation>
    </message>
    <message>
        <source>Earlier incidents</source>
        <translation>Frühere Vorfälle</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>&amp;Guide…</source>
        <translation>&amp;Leitfaden…</translation>
    </message>
    <message>
        <source>Open the incident wizard again</source>
        <translation>Den Vorfall-Assistenten erneut öffnen</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <source>R&amp;unbook</source>
        <translation>R&amp;unbook</translation>
    </message>
    <message>
        <source>&amp;Communication</source>
        <translation>&amp;Kommunikation</translation>
    </message>
    <message>
        <source>Re&amp;port</source>
        <translation>Be&amp;richt</translation>
    </message>
    <message>
        <source>Escalation: %1</source>
        <translation>Eskalation: %1</translation>
    </message>
    <message>
        <source>Next escalation: %1 at %2 (%3)</source>
        <translation>Nächste Eskalation: %1 bei %2 (%3)</translation>
    </message>
    <message>
        <source>All &amp;Incidents</source>
        <translation>Alle &amp;Vorfälle</translation>
    </message>
    <message>
        <source>Leave this closed incident and show the list</source>
        <translation>Diesen abgeschlossenen Vorfall verlassen und die Liste zeigen</translation>
    </message>
</context>
<context>
    <name>OpsDeck::IncidentReportPanel</name>
    <message>
        <source>Export Markdown…</source>
        <translation>Als Markdown exportieren…</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>Als HTML exportieren…</translation>
    </message>
    <message>
        <source>Who and what was affected, how badly and for how long: users, requests, data, money. Numbers help: &quot;12% of checkouts failed for 40 minutes&quot;.</source>
        <translation>Wer und was betroffen war, wie stark und wie lange: Nutzer, Anfragen, Daten, Geld. Zahlen helfen: „12 % der Bestellvorgänge schlugen 40 Minuten lang fehl“.</translation>
    </message>
    <message>
        <source>Why it happened: the underlying cause, not only the trigger. Keep asking &quot;why?&quot; until the answer is something you can fix.</source>
        <translation>Warum es passiert ist: die eigentliche Ursache, nicht nur der Auslöser. Fragen Sie so lange „Warum?“, bis die Antwort etwas ist, das Sie beheben können.</translation>
    </message>
    <message>
        <source>How it was noticed (alert, customer, colleague) and how long that took. Would a check have caught it sooner?</source>
        <translation>Wie es bemerkt wurde (Alarm, Kunde, Kollegin oder Kollege) und wie lange das gedauert hat. Hätte eine Prüfung es früher erkannt?</translation>
    </message>
    <message>
        <source>What went well, what went badly, and where you were lucky.</source>
        <translation>Was gut lief, was schlecht lief und wo Sie Glück hatten.</translation>
    </message>
    <message>
        <source>One per line, each with an owner and a date:
- [ ] Alert on disk usage above 85% (Jane, by Friday)</source>
        <translation>Eine pro Zeile, jeweils mit verantwortlicher Person und Termin:
- [ ] Alarm bei Plattenbelegung über 85 % (Jane, bis Freitag)</translation>
    </message>
    <message>
        <source>Saved to the incident as you write. Markdown works here: lists, **bold**, `code`.</source>
        <translation>Wird beim Schreiben im Vorfall gespeichert. Markdown funktioniert hier: Listen, **fett**, `Code`.</translation>
    </message>
    <message>
        <source>Report preview</source>
        <translation>Berichtsvorschau</translation>
    </message>
    <message>
        <source>Preview, as exported</source>
        <translation>Vorschau, wie exportiert</translation>
    </message>
    <message>
        <source>Save the report as a Markdown file</source>
        <translation>Den Bericht als Markdown-Datei speichern</translation>
    </message>
    <message>
        <source>Save the report as a standalone web page</source>
        <translation>Den Bericht als eigenständige Webseite speichern</translation>
    </message>
    <message>
        <source>*The report appears here once an incident is declared or resumed.*</source>
        <translation>*Der Bericht erscheint hier, sobald ein Vorfall eröffnet oder fortgesetzt wird.*</translation>
    </message>
    <message>
        <source>Cannot save the report to %1: there is no incident to report on yet.</source>
        <translation>Der Bericht kann nicht unter %1 gespeichert werden: Es gibt noch keinen Vorfall, über den berichtet werden kann.</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Cannot save the report to %1: %2</source>
        <translation>Der Bericht kann nicht unter %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved the report to &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;.</source>
        <translation>Bericht gespeichert unter &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Export Report as HTML</source>
        <translation>Bericht als HTML exportieren</translation>
    </message>
    <message>
        <source>Export Report as Markdown</source>
        <translation>Bericht als Markdown exportieren</translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm);;All files (*)</source>
        <translation>HTML-Dateien (*.html *.htm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Markdown files (*.md *.markdown);;All files (*)</source>
        <translation>Markdown-Dateien (*.md *.markdown);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>OpsDeck::IncidentResponse</name>
    <message>
        <source>On the step at line %1 of the runbook: %2</source>
        <translation>Zum Schritt in Zeile %1 des Runbooks: %2</translation>
    </message>
    <message>
        <source>Checked: %1</source>
        <translation>Geprüft: %1</translation>
    </message>
    <message>
        <source>Escalate now: notify %1 (%2 after declaration).</source>
        <translation>Jetzt eskalieren: %1 benachrichtigen (%2 nach Eröffnung).</translation>
    </message>
    <message>
        <source>The runbook of this incident cannot be opened: %1</source>
        <translation>Das Runbook dieses Vorfalls lässt sich nicht öffnen: %1</translation>
    </message>
</context>
<context>
    <name>OpsDeck::IncidentSession</name>
    <message>
        <source>An incident needs a title.</source>
        <translation>Ein Vorfall braucht einen Titel.</translation>
    </message>
    <message>
        <source>This session is already opening an incident; use a new session for another one.</source>
        <translation>Diese Sitzung eröffnet bereits einen Vorfall; verwenden Sie für einen weiteren eine neue Sitzung.</translation>
    </message>
    <message>
        <source>This session already has incident %1; use a new session for another one.</source>
        <translation>Diese Sitzung hat bereits den Vorfall %1; verwenden Sie für einen weiteren eine neue Sitzung.</translation>
    </message>
    <message>
        <source>The incident is still being opened; try again in a moment.</source>
        <translation>Der Vorfall wird noch eröffnet; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>No incident is open: declare or resume one first.</source>
        <translation>Kein Vorfall offen: Eröffnen Sie zuerst einen oder setzen Sie einen fort.</translation>
    </message>
    <message>
        <source>%1 is closed; a closed incident cannot change its status to %2.</source>
        <translation>%1 ist abgeschlossen; ein abgeschlossener Vorfall kann seinen Status nicht auf „%2“ ändern.</translation>
    </message>
    <message>
        <source>%1 cannot go from %2 to %3.</source>
        <translation>%1 kann nicht von „%2“ zu „%3“ wechseln.</translation>
    </message>
    <message>
        <source>Reopened: status changed from %1 to %2</source>
        <translation>Wieder geöffnet: Status von „%1“ auf „%2“ geändert</translation>
    </message>
    <message>
        <source>Status changed from %1 to %2</source>
        <translation>Status von „%1“ auf „%2“ geändert</translation>
    </message>
    <message>
        <source>Severity changed from %1 to %2 (%3)</source>
        <translation>Schweregrad von %1 auf %2 geändert (%3)</translation>
    </message>
    <message>
        <source>Title changed to &quot;%1&quot;</source>
        <translation>Titel geändert in „%1“</translation>
    </message>
    <message>
        <source>Commander removed</source>
        <translation>Einsatzleitung entfernt</translation>
    </message>
    <message>
        <source>Commander is now %1</source>
        <translation>Einsatzleitung ist jetzt %1</translation>
    </message>
    <message>
        <source>Affected services cleared</source>
        <translation>Betroffene Dienste geleert</translation>
    </message>
    <message>
        <source>Affected services: %1</source>
        <translation>Betroffene Dienste: %1</translation>
    </message>
    <message>
        <source>%1 cleared</source>
        <translation>%1 geleert</translation>
    </message>
    <message>
        <source>%1 updated</source>
        <translation>%1 aktualisiert</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Eine Notiz braucht Text.</translation>
    </message>
    <message>
        <source>Ran on %1: %2 in %3</source>
        <translation>Auf %1 ausgeführt: %2 nach %3</translation>
    </message>
    <message>
        <source>Ran on %1: %2</source>
        <translation>Auf %1 ausgeführt: %2</translation>
    </message>
    <message>
        <source>Could not run on %1: %2</source>
        <translation>Konnte auf %1 nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>An escalation needs someone to notify.</source>
        <translation>Eine Eskalation braucht jemanden, der benachrichtigt wird.</translation>
    </message>
    <message>
        <source>Notified %1</source>
        <translation>%1 benachrichtigt</translation>
    </message>
    <message>
        <source>Notified %1: %2</source>
        <translation>%1 benachrichtigt: %2</translation>
    </message>
    <message>
        <source>A message needs some text.</source>
        <translation>Eine Nachricht braucht Text.</translation>
    </message>
    <message>
        <source>Sent a message</source>
        <translation>Nachricht gesendet</translation>
    </message>
    <message>
        <source>Sent the message: %1</source>
        <translation>Nachricht gesendet: %1</translation>
    </message>
    <message>
        <source>Incident %1 is still being written; try again in a moment.</source>
        <translation>Vorfall %1 wird noch geschrieben; bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Select the log lines to add first.</source>
        <translation>Wählen Sie zuerst die Log-Zeilen aus, die hinzugefügt werden sollen.</translation>
    </message>
    <message>
        <source>Log line %1 of %2</source>
        <translation>Log-Zeile %1 von %2</translation>
    </message>
    <message>
        <source>Log lines %1–%2 of %3</source>
        <translation>Log-Zeilen %1–%2 von %3</translation>
    </message>
</context>
<context>
    <name>OpsDeck::IncidentStore</name>
    <message>
        <source>a timeline event needs a summary</source>
        <translation>ein Ereignis der Zeitleiste braucht eine Zusammenfassung</translation>
    </message>
    <message>
        <source>Cannot declare an incident without a title in the state database %1.</source>
        <translation>Ein Vorfall ohne Titel kann in der Zustandsdatenbank %1 nicht eröffnet werden.</translation>
    </message>
    <message>
        <source>Cannot declare the incident &apos;%1&apos; in the state database %2: %3</source>
        <translation>Der Vorfall &apos;%1&apos; kann in der Zustandsdatenbank %2 nicht eröffnet werden: %3</translation>
    </message>
    <message>
        <source>no such incident</source>
        <translation>Vorfall existiert nicht</translation>
    </message>
    <message>
        <source>Incident %1 does not exist in the state database %2.</source>
        <translation>Vorfall %1 existiert nicht in der Zustandsdatenbank %2.</translation>
    </message>
    <message>
        <source>Cannot update incident %1 in the state database %2: %3</source>
        <translation>Vorfall %1 kann in der Zustandsdatenbank %2 nicht aktualisiert werden: %3</translation>
    </message>
    <message>
        <source>Cannot add to the timeline of incident %1 in the state database %2: %3</source>
        <translation>Die Zeitleiste von Vorfall %1 in der Zustandsdatenbank %2 kann nicht ergänzt werden: %3</translation>
    </message>
    <message>
        <source>Cannot read incident %1 from the state database %2: %3</source>
        <translation>Vorfall %1 kann nicht aus der Zustandsdatenbank %2 gelesen werden: %3</translation>
    </message>
    <message>
        <source>Cannot read the incidents from the state database %1: %2</source>
        <translation>Die Vorfälle können nicht aus der Zustandsdatenbank %1 gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>OpsDeck::IncidentTimelineModel</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Verstrichen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit-Code</translation>
    </message>
</context>
<context>
    <name>OpsDeck::IncidentTimelinePanel</name>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Filter by text, host or command…</source>
        <translation>Nach Text, Host oder Befehl filtern…</translation>
    </message>
    <message>
        <source>Filter the timeline</source>
        <translation>Zeitleiste filtern</translation>
    </message>
    <message>
        <source>Kind of event</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Status &amp; severity</source>
        <translation>Status &amp; Schweregrad</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <source>Incident timeline</source>
        <translation>Zeitleiste des Vorfalls</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Selected event in full</source>
        <translation>Ausgewähltes Ereignis vollständig</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Write the note on the timeline (Return)</source>
        <translation>Die Notiz in die Zeitleiste schreiben (Eingabe)</translation>
    </message>
    <message>
        <source>Add a note to the timeline: what you see, decide or try…</source>
        <translation>Eine Notiz zur Zeitleiste hinzufügen: was Sie sehen, entscheiden oder versuchen…</translation>
    </message>
    <message>
        <source>%1 is closed; its timeline takes no more notes.</source>
        <translation>%1 ist abgeschlossen; seine Zeitleiste nimmt keine Notizen mehr an.</translation>
    </message>
    <message>
        <source>Declare or resume an incident to add notes.</source>
        <translation>Eröffnen Sie einen Vorfall oder setzen Sie einen fort, um Notizen hinzuzufügen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 von %n Ereignis</numerusform>
            <numerusform>%1 von %n Ereignissen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a line to read it in full: command and output, note or message.</source>
        <translation>Wählen Sie eine Zeile aus, um sie vollständig zu lesen: Befehl und Ausgabe, Notiz oder Nachricht.</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>(no output)</source>
        <translation>(keine Ausgabe)</translation>
    </message>
</context>
<context>
    <name>OpsDeck::IncidentWizard</name>
    <message>
        <source>Declare and Handle an Incident</source>
        <translation>Vorfall eröffnen und bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Declare Incident</source>
        <translation>&amp;Vorfall eröffnen</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Run the checks on the affected host. Every run is recorded on the incident&apos;s timeline with its output.</source>
        <translation>Führen Sie die Prüfungen auf dem betroffenen Host aus. Jede Ausführung wird mit ihrer Ausgabe in der Zeitleiste des Vorfalls festgehalten.</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Behebung</translation>
    </message>
    <message>
        <source>Apply the fix. Steps that change or destroy something ask first; read-only mode blocks them.</source>
        <translation>Wenden Sie die Korrektur an. Schritte, die etwas ändern oder zerstören, fragen vorher nach; der Nur-Lese-Modus sperrt sie.</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Überprüfung</translation>
    </message>
    <message>
        <source>Prove the fix holds before telling anyone it is over.</source>
        <translation>Weisen Sie nach, dass die Korrektur wirkt, bevor Sie irgendjemandem Entwarnung geben.</translation>
    </message>
    <message>
        <source>What is happening?</source>
        <translation>Was passiert gerade?</translation>
    </message>
    <message>
        <source>Pick the symptom that fits best; its runbook guides the next pages.</source>
        <translation>Wählen Sie das Symptom, das am besten passt; sein Runbook führt durch die nächsten Seiten.</translation>
    </message>
    <message>
        <source>Filter symptoms…</source>
        <translation>Symptome filtern…</translation>
    </message>
    <message>
        <source>e.g. Checkout API answers 502</source>
        <translation>z. B. Checkout-API antwortet mit 502</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. api, checkout</source>
        <translation>Durch Kommas getrennt, z. B. api, checkout</translation>
    </message>
    <message>
        <source>Affected &amp;services:</source>
        <translation>Betroffene &amp;Dienste:</translation>
    </message>
    <message>
        <source>Incident &amp;commander:</source>
        <translation>&amp;Einsatzleitung:</translation>
    </message>
    <message>
        <source>How bad is it?</source>
        <translation>Wie schlimm ist es?</translation>
    </message>
    <message>
        <source>The severity sets how fast people must respond and who is called when.</source>
        <translation>Der Schweregrad legt fest, wie schnell reagiert werden muss und wer wann gerufen wird.</translation>
    </message>
    <message>
        <source>%1 — %2 · respond within %3</source>
        <translation>%1 — %2 · Reaktion innerhalb von %3</translation>
    </message>
    <message>
        <source>For example: %1. Updates every %2.</source>
        <translation>Zum Beispiel: %1. Zwischenstand alle %2.</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <source>Tell people what is going on. Copying a message records it on the timeline.</source>
        <translation>Informieren Sie alle Beteiligten über die Lage. Beim Kopieren wird eine Nachricht in der Zeitleiste festgehalten.</translation>
    </message>
    <message>
        <source>Post-incident report</source>
        <translation>Nachbericht</translation>
    </message>
    <message>
        <source>Write down impact, cause and lessons while they are fresh; the timeline is filled in from the record.</source>
        <translation>Halten Sie Auswirkungen, Ursache und Erkenntnisse fest, solange sie frisch sind; die Zeitleiste wird aus den Aufzeichnungen übernommen.</translation>
    </message>
    <message>
        <source>Mark the incident &amp;resolved when finishing</source>
        <translation>Vorfall beim Abschließen als &amp;behoben markieren</translation>
    </message>
    <message>
        <source>Escalation: %1</source>
        <translation>Eskalation: %1</translation>
    </message>
    <message>
        <source>No runbook was chosen; record what you do as notes on the incident page.</source>
        <translation>Es wurde kein Runbook gewählt; halten Sie Ihr Vorgehen als Notizen auf der Vorfallseite fest.</translation>
    </message>
    <message>
        <source>This runbook has no steps for this phase.</source>
        <translation>Dieses Runbook hat keine Schritte für diese Phase.</translation>
    </message>
    <message>
        <source>%1 is open on the incident page now; leave it there (All Incidents) before declaring another.</source>
        <translation>%1 ist jetzt auf der Vorfallseite geöffnet; verlassen Sie ihn dort (Alle Vorfälle), bevor Sie einen weiteren eröffnen.</translation>
    </message>
</context>
<context>
    <name>OpsDeck::LiveLogSource</name>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>Wird verfolgt</translation>
    </message>
    <message numerus="yes">
        <source>Paused: %n line(s) waiting</source>
        <translation>
            <numerusform>Angehalten: %n Zeile wartet</numerusform>
            <numerusform>Angehalten: %n Zeilen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting in %1 s: %2</source>
        <translation>Neue Verbindung in %1 s: %2</translation>
    </message>
    <message>
        <source>Ended: the log has no more lines</source>
        <translation>Beendet: Das Protokoll hat keine weiteren Zeilen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 is not a host of the workspace</source>
        <translation>%1 ist kein Host des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>the command is not read-only (%1)</source>
        <translation>der Befehl ist nicht rein lesend (%1)</translation>
    </message>
    <message>
        <source>%1 is not installed on %2</source>
        <translation>%1 ist auf %2 nicht installiert</translation>
    </message>
    <message>
        <source>the stream ended (%1)</source>
        <translation>der Datenstrom endete (%1)</translation>
    </message>
</context>
<context>
    <name>OpsDeck::LogFilterPane</name>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Add Pattern</source>
        <translation>Muster hinzufügen</translation>
    </message>
    <message>
        <source>Any level</source>
        <translation>Jede Stufe</translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation>%1 und höher</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <source>Type a pattern, choose a level or a time range: the lines that match appear here.</source>
        <translation>Geben Sie ein Muster ein, wählen Sie eine Stufe oder einen Zeitraum: Die passenden Zeilen erscheinen hier.</translation>
    </message>
    <message>
        <source>Save the lines the filter keeps to a file</source>
        <translation>Die Zeilen, die der Filter behält, in einer Datei speichern</translation>
    </message>
    <message>
        <source>Lines the filter keeps</source>
        <translation>Zeilen, die der Filter behält</translation>
    </message>
    <message>
        <source>Or</source>
        <translation>Oder</translation>
    </message>
    <message>
        <source>And</source>
        <translation>Und</translation>
    </message>
    <message>
        <source>Not</source>
        <translation>Nicht</translation>
    </message>
    <message>
        <source>Or: any of these patterns; And: every one of these; Not: none of these</source>
        <translation>Oder: eines dieser Muster; Und: jedes davon; Nicht: keines davon</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Remove this pattern</source>
        <translation>Dieses Muster entfernen</translation>
    </message>
    <message>
        <source>Remove pattern</source>
        <translation>Muster entfernen</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
</context>
<context>
    <name>OpsDeck::LogHighlightRulesDialog</name>
    <message>
        <source>Highlight Rules</source>
        <translation>Hervorhebungsregeln</translation>
    </message>
    <message>
        <source>Lines, or only the text, that match a rule get its colour in every open log. The first whole-line rule that matches wins.</source>
        <translation>Zeilen – oder nur der Text –, die zu einer Regel passen, erhalten in jedem geöffneten Log deren Farbe. Von den Regeln für ganze Zeilen gilt die erste, die passt.</translation>
    </message>
    <message>
        <source>Add Rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Use this rule</source>
        <translation>Diese Regel verwenden</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Other Colour…</source>
        <translation>Andere Farbe…</translation>
    </message>
    <message>
        <source>Rule Colour</source>
        <translation>Farbe der Regel</translation>
    </message>
    <message>
        <source>Whole line</source>
        <translation>Ganze Zeile</translation>
    </message>
    <message>
        <source>Matching text</source>
        <translation>Passender Text</translation>
    </message>
    <message>
        <source>Remove this rule</source>
        <translation>Diese Regel entfernen</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Regel entfernen</translation>
    </message>
</context>
<context>
    <name>OpsDeck::LogPage</name>
    <message>
        <source>&lt;h3&gt;Logs&lt;/h3&gt;&lt;p&gt;Open a log file of this computer (Ctrl+O), plain or gzip, of any size: it shows at once and is indexed in the background. Or choose one of the workspace&apos;s log sources under &lt;i&gt;Open Log Source&lt;/i&gt;, or &lt;i&gt;Open Log&lt;/i&gt; on a host or log source in the workspace tree.&lt;/p&gt;&lt;p&gt;Find with Ctrl+F, filter with patterns, levels and a time range, bookmark lines with Ctrl+B and follow a growing file.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Logs&lt;/h3&gt;&lt;p&gt;Öffnen Sie eine Log-Datei dieses Computers (Strg+O), unkomprimiert oder gzip, beliebig groß: Sie erscheint sofort und wird im Hintergrund indiziert. Oder wählen Sie eine der Log-Quellen des Arbeitsbereichs unter &lt;i&gt;Log-Quelle öffnen&lt;/i&gt;, oder &lt;i&gt;Log öffnen&lt;/i&gt; an einem Host oder einer Log-Quelle im Arbeitsbereichsbaum.&lt;/p&gt;&lt;p&gt;Suchen Sie mit Strg+F, filtern Sie nach Mustern, Stufen und Zeitraum, setzen Sie Lesezeichen mit Strg+B und folgen Sie einer wachsenden Datei.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <source>Open a log file of this computer (Ctrl+O)</source>
        <translation>Eine Log-Datei dieses Computers öffnen (Strg+O)</translation>
    </message>
    <message>
        <source>Open Log Source</source>
        <translation>Log-Quelle öffnen</translation>
    </message>
    <message>
        <source>Open one of the workspace&apos;s log sources</source>
        <translation>Eine der Log-Quellen des Arbeitsbereichs öffnen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find in the log (Ctrl+F)</source>
        <translation>Im Log suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>Weitersuchen</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>Rückwärts suchen</translation>
    </message>
    <message>
        <source>Go to Line…</source>
        <translation>Gehe zu Zeile…</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Show new lines as they are written, while the view is at the end</source>
        <translation>Neue Zeilen zeigen, sobald sie geschrieben werden, solange die Ansicht am Ende steht</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Show the lines that match patterns, a level or a time range below the log</source>
        <translation>Die Zeilen, die zu Mustern, einer Stufe oder einem Zeitraum passen, unter dem Log zeigen</translation>
    </message>
    <message>
        <source>Highlights…</source>
        <translation>Hervorhebungen…</translation>
    </message>
    <message>
        <source>Colour the lines or words that matter to you</source>
        <translation>Die Zeilen oder Wörter einfärben, auf die es Ihnen ankommt</translation>
    </message>
    <message>
        <source>Export Filtered…</source>
        <translation>Gefilterte exportieren…</translation>
    </message>
    <message>
        <source>Save the lines the filter keeps to a file</source>
        <translation>Die Zeilen, die der Filter behält, in einer Datei speichern</translation>
    </message>
    <message>
        <source>Add to Timeline</source>
        <translation>Zur Zeitleiste hinzufügen</translation>
    </message>
    <message>
        <source>Quote the selected lines on the open incident&apos;s timeline</source>
        <translation>Die ausgewählten Zeilen in der Zeitleiste des offenen Incidents zitieren</translation>
    </message>
    <message>
        <source>Close Log</source>
        <translation>Log schließen</translation>
    </message>
    <message>
        <source>The workspace names no log sources</source>
        <translation>Der Arbeitsbereich nennt keine Log-Quellen</translation>
    </message>
    <message>
        <source>Open Log File</source>
        <translation>Log-Datei öffnen</translation>
    </message>
    <message>
        <source>Logs (*.log *.log.* *.gz *.txt *.out *.err *.json *.csv);;All files (*)</source>
        <translation>Logs (*.log *.log.* *.gz *.txt *.out *.err *.json *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Quote the selected lines on an incident&apos;s timeline (declare or resume an incident first)</source>
        <translation>Die ausgewählten Zeilen in der Zeitleiste eines Incidents zitieren (zuerst einen Incident ausrufen oder fortsetzen)</translation>
    </message>
    <message>
        <source>Filter the log first: Export saves the lines the filter keeps.</source>
        <translation>Filtern Sie das Log zuerst: Der Export speichert die Zeilen, die der Filter behält.</translation>
    </message>
    <message>
        <source>Export Filtered Lines</source>
        <translation>Gefilterte Zeilen exportieren</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt);;All files (*)</source>
        <translation>Logs (*.log *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Declare or resume an incident first: lines go on its timeline.</source>
        <translation>Rufen Sie zuerst einen Incident aus oder setzen Sie einen fort: Die Zeilen kommen in seine Zeitleiste.</translation>
    </message>
    <message>
        <source>Select the lines to add first.</source>
        <translation>Wählen Sie zuerst die Zeilen aus, die hinzugefügt werden sollen.</translation>
    </message>
    <message>
        <source>Select at most %1 lines for the timeline; export longer stretches.</source>
        <translation>Wählen Sie höchstens %1 Zeilen für die Zeitleiste; längere Abschnitte exportieren Sie.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n line(s) to the incident timeline.</source>
        <translation>
            <numerusform>%n Zeile zur Zeitleiste des Incidents hinzugefügt.</numerusform>
            <numerusform>%n Zeilen zur Zeitleiste des Incidents hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no log source %2.</source>
        <translation>%1 hat keine Log-Quelle %2.</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>%1 (%2);;All files (*)</source>
        <translation>%1 (%2);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Follow Several Together…</source>
        <translation>Mehrere zusammen verfolgen…</translation>
    </message>
    <message>
        <source>Follow several log sources in one view, ordered by time</source>
        <translation>Mehrere Log-Quellen in einer Ansicht verfolgen, nach Zeit geordnet</translation>
    </message>
    <message>
        <source>Download %1 and Open</source>
        <translation>%1 herunterladen und öffnen</translation>
    </message>
    <message>
        <source>Cancel Download of %1</source>
        <translation>Herunterladen von %1 abbrechen</translation>
    </message>
    <message>
        <source>Live log sources are not available here.</source>
        <translation>Live-Log-Quellen sind hier nicht verfügbar.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 on %2: %3 %4</source>
        <translation>%1 auf %2: %3 %4</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 merged</source>
        <translation>%1 zusammengeführt</translation>
    </message>
    <message>
        <source>%1 on %2 is not a remote file that can be copied.</source>
        <translation>%1 auf %2 ist keine entfernte Datei, die kopiert werden kann.</translation>
    </message>
    <message>
        <source>Downloading %1: %2 of %3</source>
        <translation>Lade %1 herunter: %2 von %3</translation>
    </message>
    <message>
        <source>Downloading %1: %2</source>
        <translation>Lade %1 herunter: %2</translation>
    </message>
    <message>
        <source>Downloaded %1.</source>
        <translation>%1 heruntergeladen.</translation>
    </message>
</context>
<context>
    <name>OpsDeck::LogPatternEdit</name>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Regular expression (grep -E: classes, alternation, \&lt; \&gt; \b \w)</source>
        <translation>Regulärer Ausdruck (grep -E: Klassen, Alternativen, \&lt; \&gt; \b \w)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>Nur ganze Wörter</translation>
    </message>
</context>
<context>
    <name>OpsDeck::LogSearchBar</name>
    <message>
        <source>Find in the log (Enter: next, Shift+Enter: previous)</source>
        <translation>Im Log suchen (Eingabe: nächster, Umschalt+Eingabe: vorheriger Treffer)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the search (Escape)</source>
        <translation>Suche schließen (Esc)</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
</context>
<context>
    <name>OpsDeck::LogSourcePicker</name>
    <message>
        <source>Merge Log Sources</source>
        <translation>Log-Quellen zusammenführen</translation>
    </message>
    <message>
        <source>Choose the sources to follow together. Their lines are shown in one view, ordered by time, each tagged with its source.</source>
        <translation>Wählen Sie die Quellen, die zusammen verfolgt werden sollen. Ihre Zeilen erscheinen in einer Ansicht, nach Zeit geordnet, jede mit ihrer Quelle markiert.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>Liest</translation>
    </message>
    <message>
        <source>Follow Together</source>
        <translation>Zusammen verfolgen</translation>
    </message>
</context>
<context>
    <name>OpsDeck::LogTab</name>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>Line number</source>
        <translation>Zeilennummer</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Go to line:</source>
        <translation>Gehe zu Zeile:</translation>
    </message>
    <message>
        <source>No line %1: the log has lines 1 to %2.</source>
        <translation>Keine Zeile %1: Das Log hat die Zeilen 1 bis %2.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop indexing: the lines read so far stay</source>
        <translation>Indizieren beenden: Die bisher gelesenen Zeilen bleiben</translation>
    </message>
    <message>
        <source>Filtering… %1 %</source>
        <translation>Filtern… %1 %</translation>
    </message>
    <message>
        <source>Indexing %1 of %2</source>
        <translation>Indiziere %1 von %2</translation>
    </message>
    <message>
        <source>Indexing stopped: %1 lines are shown.</source>
        <translation>Indizieren beendet: %1 Zeilen werden angezeigt.</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>unpacked from gzip</source>
        <translation>aus gzip entpackt</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>Folgt</translation>
    </message>
    <message>
        <source>Paused: scroll to the end to follow again</source>
        <translation>Angehalten: ans Ende scrollen, um wieder zu folgen</translation>
    </message>
    <message>
        <source>No line matches.</source>
        <translation>Keine Zeile passt.</translation>
    </message>
    <message>
        <source>Search continued from the top.</source>
        <translation>Suche oben fortgesetzt.</translation>
    </message>
    <message>
        <source>Search continued from the bottom.</source>
        <translation>Suche unten fortgesetzt.</translation>
    </message>
    <message>
        <source>%1 of %2…</source>
        <translation>%1 von %2…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Searching… %1 %</source>
        <translation>Suche… %1 %</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>No filter: type a pattern, choose a level or a time range.</source>
        <translation>Kein Filter: Geben Sie ein Muster ein, wählen Sie eine Stufe oder einen Zeitraum.</translation>
    </message>
    <message>
        <source>Filtering…</source>
        <translation>Filtern…</translation>
    </message>
    <message>
        <source>%1 of %2 lines match</source>
        <translation>%1 von %2 Zeilen passen</translation>
    </message>
    <message>
        <source>Saved %1 lines to %2.</source>
        <translation>%1 Zeilen in %2 gespeichert.</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>OpsDeck::LogView</name>
    <message>
        <source>Log lines</source>
        <translation>Log-Zeilen</translation>
    </message>
    <message>
        <source>… %1 more</source>
        <translation>… %1 mehr</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n line(s).</source>
        <translation>
            <numerusform>%n Zeile kopiert.</numerusform>
            <numerusform>%n Zeilen kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied the first %1 of %2 selected lines; export the filter to save more.</source>
        <translation>Die ersten %1 von %2 ausgewählten Zeilen kopiert; exportieren Sie den Filter, um mehr zu speichern.</translation>
    </message>
    <message>
        <source>No bookmarks: Ctrl+B marks the current line.</source>
        <translation>Keine Lesezeichen: Strg+B markiert die aktuelle Zeile.</translation>
    </message>
    <message>
        <source>Continued from the first bookmark.</source>
        <translation>Beim ersten Lesezeichen fortgesetzt.</translation>
    </message>
    <message>
        <source>Continued from the last bookmark.</source>
        <translation>Beim letzten Lesezeichen fortgesetzt.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Toggle &amp;Bookmark</source>
        <translation>&amp;Lesezeichen umschalten</translation>
    </message>
    <message>
        <source>&amp;Next Bookmark</source>
        <translation>&amp;Nächstes Lesezeichen</translation>
    </message>
    <message>
        <source>&amp;Previous Bookmark</source>
        <translation>&amp;Vorheriges Lesezeichen</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>&amp;Gehe zu Zeile…</translation>
    </message>
</context>
<context>
    <name>OpsDeck::MainWindow</name>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Reload Workspace</source>
        <translation>Arbeitsbereich &amp;neu laden</translation>
    </message>
    <message>
        <source>Use &amp;This Computer</source>
        <translation>&amp;Diesen Computer verwenden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Add Host…</source>
        <translation>Host &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit Host…</source>
        <translation>Host &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>&amp;Befehlspalette…</translation>
    </message>
    <message>
        <source>&amp;Read-Only Mode</source>
        <translation>&amp;Nur-Lese-Modus</translation>
    </message>
    <message>
        <source>&amp;Filter Workspace</source>
        <translation>Arbeitsbereich &amp;filtern</translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation>&amp;Seitenleiste anzeigen</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;About OpsDeck</source>
        <translation>&amp;Über OpsDeck</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Go To Page</source>
        <translation>&amp;Gehe zu Seite</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Show the problems in the workspace file</source>
        <translation>Probleme in der Arbeitsbereichsdatei anzeigen</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Workspace files (*.yaml *.yml);;All files (*)</source>
        <translation>Arbeitsbereichsdateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>Keine zuletzt geöffneten Arbeitsbereiche</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Workspace: %1 (built in)</source>
        <translation>Arbeitsbereich: %1 (integriert)</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>(last good version)</source>
        <translation>(letzte fehlerfreie Version)</translation>
    </message>
    <message>
        <source>This computer, without SSH</source>
        <translation>Dieser Computer, ohne SSH</translation>
    </message>
    <message>
        <source>Errors: %1 · Warnings: %2</source>
        <translation>Fehler: %1 · Warnungen: %2</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>%1 local</source>
        <translation>%1 lokal</translation>
    </message>
    <message>
        <source>%1 connected</source>
        <translation>%1 verbunden</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 not connected</source>
        <translation>%1 nicht verbunden</translation>
    </message>
    <message>
        <source>Hosts: %1</source>
        <translation>Hosts: %1</translation>
    </message>
    <message>
        <source>Read-only mode is on: nothing that changes a system or the workspace runs. Click to allow changes.</source>
        <translation>Der Nur-Lese-Modus ist aktiv: Nichts, was ein System oder den Arbeitsbereich verändert, wird ausgeführt. Klicken Sie, um Änderungen zu erlauben.</translation>
    </message>
    <message>
        <source>Turn Off Read-Only Mode</source>
        <translation>Nur-Lese-Modus ausschalten</translation>
    </message>
    <message>
        <source>Turn On Read-Only Mode</source>
        <translation>Nur-Lese-Modus einschalten</translation>
    </message>
    <message>
        <source>Edit Host</source>
        <translation>Host bearbeiten</translation>
    </message>
    <message>
        <source>Select a host in the workspace tree first.</source>
        <translation>Wählen Sie zuerst einen Host im Arbeitsbereichsbaum aus.</translation>
    </message>
    <message>
        <source>Add Host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>About OpsDeck</source>
        <translation>Über OpsDeck</translation>
    </message>
    <message>
        <source>&lt;h3&gt;OpsDeck %1&lt;/h3&gt;&lt;p&gt;The operations console: your runbooks, hosts, containers, logs, databases and backups in one desktop application.&lt;/p&gt;&lt;p&gt;Built with %2.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;OpsDeck %1&lt;/h3&gt;&lt;p&gt;Die Betriebskonsole: Ihre Runbooks, Hosts, Container, Protokolle, Datenbanken und Sicherungen in einer Desktop-Anwendung.&lt;/p&gt;&lt;p&gt;Erstellt mit %2.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Read-only mode is off: changes are allowed. Click to block them.</source>
        <translation>Der Nur-Lese-Modus ist aus: Änderungen sind erlaubt. Klicken Sie, um sie zu sperren.</translation>
    </message>
    <message>
        <source>In the workspace tree, select the environment for the new host.</source>
        <translation>Wählen Sie im Arbeitsbereich-Baum die Umgebung für den neuen Host.</translation>
    </message>
    <message>
        <source>History is not kept: %1</source>
        <translation>Es wird kein Verlauf gespeichert: %1</translation>
    </message>
    <message>
        <source>Run Command</source>
        <translation>Befehl ausführen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Passwords in memory only</source>
        <translation>Passwörter nur im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>%1 comes from ~/.ssh/config; edit it there.</source>
        <translation>%1 stammt aus ~/.ssh/config; bearbeiten Sie ihn dort.</translation>
    </message>
    <message>
        <source>Runbooks</source>
        <translation>Runbooks</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <source>&amp;Declare Incident…</source>
        <translation>&amp;Vorfall eröffnen…</translation>
    </message>
    <message>
        <source>Open R&amp;unbook…</source>
        <translation>R&amp;unbook öffnen…</translation>
    </message>
    <message>
        <source>%1 is no longer in the workspace.</source>
        <translation>%1 ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The environment %1 is no longer in the workspace.</source>
        <translation>Die Umgebung %1 ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Audit log incomplete: %1</source>
        <translation>Prüfprotokoll unvollständig: %1</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Open &amp;Log File…</source>
        <translation>&amp;Log-Datei öffnen…</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Checks cannot run in this window.</source>
        <translation>In diesem Fenster können keine Prüfungen laufen.</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>Database %1 needs the password in keychain entry &apos;%2&apos;, and no keychain is open here.</source>
        <translation>Datenbank %1 braucht das Passwort im Schlüsselbund-Eintrag &apos;%2&apos;, und hier ist kein Schlüsselbund geöffnet.</translation>
    </message>
    <message>
        <source>no password in keychain entry &apos;%1&apos; for database %2</source>
        <translation>kein Passwort im Schlüsselbund-Eintrag &apos;%1&apos; für Datenbank %2</translation>
    </message>
    <message>
        <source>Database %1: %2</source>
        <translation>Datenbank %1: %2</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Backups (Ctrl+Shift+B)</source>
        <translation>Sicherungen (Strg+Umschalt+B)</translation>
    </message>
    <message>
        <source>Database Password</source>
        <translation>Datenbankpasswort</translation>
    </message>
    <message>
        <source>The keychain has no password for database %1 on %2 (entry &apos;%3&apos;).</source>
        <translation>Der Schlüsselbund hat kein Passwort für Datenbank %1 auf %2 (Eintrag „%3“).</translation>
    </message>
</context>
<context>
    <name>OpsDeck::MetricsCharts</name>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Drag a rectangle over a chart to zoom in</source>
        <translation>Ein Rechteck über ein Diagramm ziehen, um hineinzuzoomen</translation>
    </message>
    <message>
        <source>Ask Prometheus again for every metric</source>
        <translation>Prometheus erneut nach allen Metriken fragen</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Choose an environment to see the metrics of its Prometheus.</source>
        <translation>Wählen Sie eine Umgebung, um die Metriken ihres Prometheus zu sehen.</translation>
    </message>
    <message>
        <source>%1 names no Prometheus: add “prometheus: http://host:9090” to the environment in the workspace file to see its metrics here.</source>
        <translation>%1 nennt keinen Prometheus: Fügen Sie der Umgebung in der Arbeitsbereichsdatei „prometheus: http://host:9090“ hinzu, um ihre Metriken hier zu sehen.</translation>
    </message>
    <message>
        <source>The workspace</source>
        <translation>Der Arbeitsbereich</translation>
    </message>
    <message>
        <source>Environment %1</source>
        <translation>Die Umgebung %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Prometheus %1</source>
        <translation>Prometheus %1</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>Frage %1 …</translation>
    </message>
    <message>
        <source>%1 of %2 queries failed: %3</source>
        <translation>%1 von %2 Abfragen fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>From %1 at %2, one point every %3 s</source>
        <translation>Von %1 um %2, ein Punkt alle %3 s</translation>
    </message>
    <message>
        <source>Latest: %1 %2</source>
        <translation>Zuletzt: %1 %2</translation>
    </message>
    <message>
        <source>%1 series</source>
        <translation>%1 Reihen</translation>
    </message>
</context>
<context>
    <name>OpsDeck::MorningCheckDialog</name>
    <message>
        <source>Morning Check</source>
        <translation>Morgenprüfung</translation>
    </message>
    <message>
        <source>Morning Check: %1</source>
        <translation>Morgenprüfung: %1</translation>
    </message>
    <message>
        <source>The report appears here when every check has answered.</source>
        <translation>Der Bericht erscheint hier, sobald jede Prüfung geantwortet hat.</translation>
    </message>
    <message>
        <source>Cancel Checks</source>
        <translation>Prüfungen abbrechen</translation>
    </message>
    <message>
        <source>Save as Markdown…</source>
        <translation>Als Markdown speichern…</translation>
    </message>
    <message>
        <source>Save as HTML…</source>
        <translation>Als HTML speichern…</translation>
    </message>
    <message>
        <source>Copy Markdown</source>
        <translation>Markdown kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Running %n check(s)…</source>
        <translation>
            <numerusform>%n Prüfung läuft…</numerusform>
            <numerusform>%n Prüfungen laufen…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 checks answered…</source>
        <translation>%1 von %2 Prüfungen haben geantwortet…</translation>
    </message>
    <message>
        <source>Done in %1 s: %2.</source>
        <translation>Fertig in %1 s: %2.</translation>
    </message>
    <message>
        <source>Save the Morning Check</source>
        <translation>Morgenprüfung speichern</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Gespeichert unter %1.</translation>
    </message>
    <message>
        <source>Cannot save the report to %1: %2</source>
        <translation>Der Bericht kann nicht unter %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>OpsDeck::OverviewPage</name>
    <message>
        <source>Selected item</source>
        <translation>Ausgewähltes Element</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>Benachrichtigen</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>Log sources</source>
        <translation>Protokollquellen</translation>
    </message>
    <message>
        <source>Backup locations</source>
        <translation>Sicherungsorte</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Schwellenwerte</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Eskalation</translation>
    </message>
    <message>
        <source>Built-in workspace: this computer, no SSH needed. Open your team&apos;s workspace file with Ctrl+O.</source>
        <translation>Integrierter Arbeitsbereich: dieser Computer, kein SSH nötig. Öffnen Sie die Arbeitsbereichsdatei Ihres Teams mit Strg+O.</translation>
    </message>
    <message>
        <source>No escalation matrix in this workspace</source>
        <translation>Keine Eskalationsmatrix in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Pick an item in the workspace tree to see its settings.</source>
        <translation>Wählen Sie ein Element im Arbeitsbereichsbaum aus, um seine Einstellungen zu sehen.</translation>
    </message>
    <message>
        <source>Environment %1</source>
        <translation>Umgebung %1</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Host %1</source>
        <translation>Host %1</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>local, without SSH</source>
        <translation>lokal, ohne SSH</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>Jump host</source>
        <translation>Sprunghost</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>keychain entry %1</source>
        <translation>Schlüsselbundeintrag %1</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Defined at</source>
        <translation>Definiert in</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>Health URL</source>
        <translation>Health-URL</translation>
    </message>
    <message>
        <source>Metrics URL</source>
        <translation>Metrik-URL</translation>
    </message>
    <message>
        <source>Expected status</source>
        <translation>Erwarteter Status</translation>
    </message>
    <message>
        <source>Expected text</source>
        <translation>Erwarteter Text</translation>
    </message>
    <message>
        <source>Database %1</source>
        <translation>Datenbank %1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation>SSL-Modus</translation>
    </message>
    <message>
        <source>Tunnel through</source>
        <translation>Tunnel über</translation>
    </message>
    <message>
        <source>Redis %1</source>
        <translation>Redis %1</translation>
    </message>
    <message>
        <source>Database index</source>
        <translation>Datenbankindex</translation>
    </message>
    <message>
        <source>Log source %1</source>
        <translation>Protokollquelle %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>the whole journal</source>
        <translation>das gesamte Journal</translation>
    </message>
    <message>
        <source>Backup location %1</source>
        <translation>Sicherungsort %1</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Retention (days)</source>
        <translation>Aufbewahrung (Tage)</translation>
    </message>
</context>
<context>
    <name>OpsDeck::ProblemsPage</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>No problems in the workspace file.</source>
        <translation>Keine Probleme in der Arbeitsbereichsdatei.</translation>
    </message>
    <message>
        <source>Problems in the workspace file: errors: %1, warnings: %2. OpsDeck keeps showing the last version that loaded; fix the file and it reloads by itself.</source>
        <translation>Probleme in der Arbeitsbereichsdatei: Fehler: %1, Warnungen: %2. OpsDeck zeigt weiter die zuletzt geladene Version an; sobald Sie die Datei korrigieren, wird sie automatisch neu geladen.</translation>
    </message>
    <message>
        <source>The workspace file has %1 error(s) and %2 warning(s).</source>
        <translation>Die Arbeitsbereichsdatei enthält %1 Fehler und %2 Warnung(en).</translation>
    </message>
</context>
<context>
    <name>OpsDeck::ReadOnlyMode</name>
    <message>
        <source>Read-only mode is on: only actions that read are allowed. Turn it off in the toolbar or with Ctrl+Shift+R to make changes.</source>
        <translation>Der Nur-Lese-Modus ist aktiv: Nur lesende Aktionen sind erlaubt. Schalten Sie ihn in der Werkzeugleiste oder mit Strg+Umschalt+R aus, um Änderungen vorzunehmen.</translation>
    </message>
</context>
<context>
    <name>OpsDeck::RemoteLogDownload</name>
    <message>
        <source>Cannot download %1: the host is no longer in the workspace.</source>
        <translation>%1 kann nicht heruntergeladen werden: Der Host ist nicht mehr im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The connection to %1 is gone.</source>
        <translation>Die Verbindung zu %1 besteht nicht mehr.</translation>
    </message>
    <message>
        <source>Download of %1 from %2 cancelled.</source>
        <translation>Download von %1 von %2 abgebrochen.</translation>
    </message>
    <message>
        <source>%1 on %2 is a folder, not a log file.</source>
        <translation>%1 auf %2 ist ein Ordner, keine Protokolldatei.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2: %3</source>
        <translation>%1 kann nicht in %2 umbenannt werden: %3</translation>
    </message>
</context>
<context>
    <name>OpsDeck::RestoreDialog</name>
    <message>
        <source>Restore %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
    <message>
        <source>&lt;b&gt;A restore replaces the target database&apos;s contents with this backup.&lt;/b&gt; Its other sessions are cut first; the restore runs as one transaction on %1, the host that holds the file.</source>
        <translation>&lt;b&gt;Eine Wiederherstellung ersetzt den Inhalt der Zieldatenbank durch diese Sicherung.&lt;/b&gt; Ihre anderen Sitzungen werden zuerst getrennt; die Wiederherstellung läuft als eine Transaktion auf %1, dem Host, der die Datei hat.</translation>
    </message>
    <message>
        <source>Target database</source>
        <translation>Zieldatenbank</translation>
    </message>
    <message>
        <source>%1 / %2 (%3 on %4:%5)</source>
        <translation>%1 / %2 (%3 auf %4:%5)</translation>
    </message>
    <message>
        <source>Backup:</source>
        <translation>Sicherung:</translation>
    </message>
    <message>
        <source>Restore into:</source>
        <translation>Wiederherstellen in:</translation>
    </message>
    <message>
        <source>Sessions the restore will cut</source>
        <translation>Sitzungen, die die Wiederherstellung trennt</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Sessions that will be cut:</source>
        <translation>Sitzungen, die getrennt werden:</translation>
    </message>
    <message>
        <source>The workspace names no database to restore into.</source>
        <translation>Der Arbeitsbereich nennt keine Datenbank, in die wiederhergestellt werden kann.</translation>
    </message>
    <message>
        <source>Reading what the restore would replace…</source>
        <translation>Es wird gelesen, was die Wiederherstellung ersetzen würde…</translation>
    </message>
    <message>
        <source>Will be replaced</source>
        <translation>Wird ersetzt</translation>
    </message>
    <message>
        <source>database &lt;b&gt;%1&lt;/b&gt;, %2</source>
        <translation>Datenbank &lt;b&gt;%1&lt;/b&gt;, %2</translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>Größe unbekannt</translation>
    </message>
    <message>
        <source>Sessions cut</source>
        <translation>Getrennte Sitzungen</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>psql on %1</source>
        <translation>psql auf %1</translation>
    </message>
    <message>
        <source>Safety scan</source>
        <translation>Sicherheitsprüfung</translation>
    </message>
    <message>
        <source>no psql meta-commands beyond the known ones</source>
        <translation>keine psql-Metabefehle außer den bekannten</translation>
    </message>
</context>
<context>
    <name>OpsDeck::RetentionDialog</name>
    <message numerus="yes">
        <source>the newest of each of the last %n day(s)</source>
        <translation>
            <numerusform>die neueste des letzten Tags</numerusform>
            <numerusform>die neueste jedes der letzten %n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest of each of the last %n week(s)</source>
        <translation>
            <numerusform>die neueste der letzten Woche</numerusform>
            <numerusform>die neueste jeder der letzten %n Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>everything younger than %n day(s)</source>
        <translation>
            <numerusform>alles, was jünger als %n Tag ist</numerusform>
            <numerusform>alles, was jünger als %n Tage ist</numerusform>
        </translation>
    </message>
    <message>
        <source>no retention rule: nothing is deleted</source>
        <translation>keine Aufbewahrungsregel: nichts wird gelöscht</translation>
    </message>
    <message>
        <source>keep %1</source>
        <translation>behalten: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Retention of %1 / %2 (dry run)</source>
        <translation>Aufbewahrung von %1 / %2 (Probelauf)</translation>
    </message>
    <message>
        <source>Rules: %1.</source>
        <translation>Regeln: %1.</translation>
    </message>
    <message>
        <source>Days and weeks as in %1.</source>
        <translation>Tage und Wochen wie in %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 would be deleted&lt;/b&gt; (%2 freed), %3 kept.</source>
        <translation>&lt;b&gt;%1 würden gelöscht&lt;/b&gt; (%2 frei), %3 behalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Point-in-time recovery window: now %1 – %2; after the run %3 – %4.</source>
        <translation>Zeitfenster für Point-in-Time-Recovery: jetzt %1 – %2; nach dem Lauf %3 – %4.</translation>
    </message>
    <message>
        <source>What the retention run would do with each file</source>
        <translation>Was der Aufbewahrungslauf mit jeder Datei täte</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n File(s)…</source>
        <translation>
            <numerusform>%n Datei löschen…</numerusform>
            <numerusform>%n Dateien löschen…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpsDeck::RunCommandPage</name>
    <message>
        <source>&amp;sudo</source>
        <translation>&amp;sudo</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <source>A shell command, e.g. df -h or systemctl status nginx</source>
        <translation>Ein Shell-Befehl, z. B. df -h oder systemctl status nginx</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Run through sudo -n: a host that asks for a password reports an error instead of waiting.</source>
        <translation>Über sudo -n ausführen: Ein Host, der nach einem Passwort fragt, meldet einen Fehler, statt zu warten.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Stop the command after this long (0: no limit)</source>
        <translation>Den Befehl nach dieser Zeit anhalten (0: keine Grenze)</translation>
    </message>
    <message>
        <source>Run on the checked hosts (Ctrl+Return)</source>
        <translation>Auf den angehakten Hosts ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Stop the command on every host (Esc)</source>
        <translation>Den Befehl auf allen Hosts anhalten (Esc)</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>A&amp;lle</translation>
    </message>
    <message>
        <source>N&amp;one</source>
        <translation>&amp;Keine</translation>
    </message>
    <message>
        <source>Results per host</source>
        <translation>Ergebnisse je Host</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>&amp;Copy Output</source>
        <translation>Ausgabe &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy A&amp;ll Hosts</source>
        <translation>Alle &amp;Hosts kopieren</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>Ausführen auf:</translation>
    </message>
    <message>
        <source>Run Command</source>
        <translation>Befehl ausführen</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>%1 hosts</source>
        <translation>%1 Hosts</translation>
    </message>
    <message>
        <source>Run &quot;%1&quot; on %2.</source>
        <translation>„%1“ auf %2 ausführen.</translation>
    </message>
    <message>
        <source>[the start of the output was dropped to save memory]
</source>
        <translation>[der Anfang der Ausgabe wurde verworfen, um Speicher zu sparen]
</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>OpsDeck::RunbookLibrary</name>
    <message>
        <source>Built in</source>
        <translation>Integriert</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n runnable step(s)</source>
        <translation>
            <numerusform>%1
%n ausführbarer Schritt</numerusform>
            <numerusform>%1
%n ausführbare Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <source>Symptom</source>
        <translation>Symptom</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>OpsDeck::RunbookOutlineModel</name>
    <message>
        <source>Introduction</source>
        <translation>Einleitung</translation>
    </message>
    <message>
        <source>(untitled section)</source>
        <translation>(Abschnitt ohne Titel)</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1
No steps to run or check</source>
        <translation>%1
Keine Schritte zum Ausführen oder Prüfen</translation>
    </message>
    <message>
        <source>%1
%2 of %3 steps done, subsections included</source>
        <translation>%1
%2 von %3 Schritten erledigt, einschließlich Unterabschnitten</translation>
    </message>
    <message>
        <source>%1 of %2 steps done</source>
        <translation>%1 von %2 Schritten erledigt</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
</context>
<context>
    <name>OpsDeck::RunbookStepCard</name>
    <message>
        <source>Only reads; runs without asking</source>
        <translation>Nur lesend; wird ohne Rückfrage ausgeführt</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>line %1 · %2</source>
        <translation>Zeile %1 · %2</translation>
    </message>
    <message>
        <source>Where this block is in the runbook file</source>
        <translation>Wo dieser Block in der Runbook-Datei steht</translation>
    </message>
    <message>
        <source>Database for this step</source>
        <translation>Datenbank für diesen Schritt</translation>
    </message>
    <message>
        <source>Host for this step</source>
        <translation>Host für diesen Schritt</translation>
    </message>
    <message>
        <source>The database this step runs on</source>
        <translation>Die Datenbank, auf der dieser Schritt läuft</translation>
    </message>
    <message>
        <source>The host this step runs on</source>
        <translation>Der Host, auf dem dieser Schritt läuft</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the command with the values filled in</source>
        <translation>Den Befehl mit eingesetzten Werten kopieren</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>This block cannot run as a whole: %1. Run its lines one at a time, or fix the runbook.</source>
        <translation>Dieser Block kann nicht als Ganzes ausgeführt werden: %1. Führen Sie seine Zeilen einzeln aus oder korrigieren Sie das Runbook.</translation>
    </message>
    <message>
        <source>Value for %1</source>
        <translation>Wert für %1</translation>
    </message>
    <message>
        <source>value for %1, shared by every step</source>
        <translation>Wert für %1, gilt für alle Schritte</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Run this step (Ctrl+Return)</source>
        <translation>Diesen Schritt ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Run Line</source>
        <translation>Zeile ausführen</translation>
    </message>
    <message>
        <source>Run only the command under the cursor in the code above (with its continuation lines and here-document)</source>
        <translation>Nur den Befehl unter dem Cursor im Code oben ausführen (mit seinen Fortsetzungszeilen und seinem Here-Dokument)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop this step (Esc)</source>
        <translation>Diesen Schritt anhalten (Esc)</translation>
    </message>
    <message>
        <source>Expected output</source>
        <translation>Erwartete Ausgabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Ticked when the step succeeds; tick it yourself when you did it another way</source>
        <translation>Wird angehakt, wenn der Schritt gelingt; haken Sie ihn selbst an, wenn Sie ihn auf anderem Weg erledigt haben</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Notes on this step, for the incident record</source>
        <translation>Notizen zu diesem Schritt, für die Aufzeichnungen zum Vorfall</translation>
    </message>
    <message>
        <source>check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>A manual check: tick it when it is true</source>
        <translation>Eine manuelle Prüfung: haken Sie sie an, wenn sie zutrifft</translation>
    </message>
    <message>
        <source>running on %1…</source>
        <translation>läuft auf %1…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>Ran on %1 at %2</source>
        <translation>Ausgeführt auf %1 am %2</translation>
    </message>
    <message>
        <source>Fill in %1 to run this step.</source>
        <translation>Geben Sie %1 an, um diesen Schritt auszuführen.</translation>
    </message>
    <message>
        <source>Default database</source>
        <translation>Standarddatenbank</translation>
    </message>
    <message>
        <source>Default host</source>
        <translation>Standardhost</translation>
    </message>
    <message>
        <source>Default database (%1)</source>
        <translation>Standarddatenbank (%1)</translation>
    </message>
    <message>
        <source>Default host (%1)</source>
        <translation>Standardhost (%1)</translation>
    </message>
    <message>
        <source>This block cannot run as a whole (see the warning above); put the cursor on a command and use Run Line</source>
        <translation>Dieser Block kann nicht als Ganzes ausgeführt werden (siehe Warnung oben); setzen Sie den Cursor auf einen Befehl und verwenden Sie „Zeile ausführen“</translation>
    </message>
    <message>
        <source>streams until Stop</source>
        <translation>streamt bis Anhalten</translation>
    </message>
    <message>
        <source>run in a terminal</source>
        <translation>im Terminal ausführen</translation>
    </message>
    <message>
        <source>Lines %1–%2 are typed in the shell that line %3 opens: they run inside it, as %4 &apos;…&apos;</source>
        <translation>Die Zeilen %1–%2 werden in der Shell eingegeben, die Zeile %3 öffnet: Sie laufen darin, als %4 &apos;…&apos;</translation>
    </message>
    <message>
        <source>Run this in a terminal: %1. Copy puts the command on the clipboard with the values filled in.</source>
        <translation>Führen Sie dies in einem Terminal aus: %1. Kopieren legt den Befehl mit eingesetzten Werten in die Zwischenablage.</translation>
    </message>
    <message>
        <source>streaming from %1 until you press Stop…</source>
        <translation>streamt von %1, bis Sie auf Anhalten drücken…</translation>
    </message>
    <message>
        <source>streamed for %1, stopped</source>
        <translation>%1 lang gestreamt, angehalten</translation>
    </message>
    <message>
        <source>Fill in the values named below first</source>
        <translation>Geben Sie zuerst die unten genannten Werte an</translation>
    </message>
</context>
<context>
    <name>OpsDeck::RunbookView</name>
    <message>
        <source>Introduction</source>
        <translation>Einleitung</translation>
    </message>
    <message>
        <source>Untitled section</source>
        <translation>Abschnitt ohne Titel</translation>
    </message>
    <message>
        <source>Run the step at line %1 of “%2” on %3:

%4</source>
        <translation>Den Schritt in Zeile %1 von „%2“ auf %3 ausführen:

%4</translation>
    </message>
    <message>
        <source>Run &amp;Section</source>
        <translation>Ab&amp;schnitt ausführen</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Anhal&amp;ten</translation>
    </message>
    <message>
        <source>Default host</source>
        <translation>Standardhost</translation>
    </message>
    <message>
        <source>The host every step runs on unless the step names its own</source>
        <translation>Der Host, auf dem jeder Schritt läuft, sofern der Schritt keinen eigenen nennt</translation>
    </message>
    <message>
        <source>no hosts in the workspace</source>
        <translation>keine Hosts im Arbeitsbereich</translation>
    </message>
    <message>
        <source>Default database</source>
        <translation>Standarddatenbank</translation>
    </message>
    <message>
        <source>The database SQL steps run on unless the step names its own</source>
        <translation>Die Datenbank, auf der SQL-Schritte laufen, sofern der Schritt keine eigene nennt</translation>
    </message>
    <message>
        <source>H&amp;ost:</source>
        <translation>H&amp;ost:</translation>
    </message>
    <message>
        <source>Data&amp;base:</source>
        <translation>Date&amp;nbank:</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Stop the running step and the rest of its section (Esc)</source>
        <translation>Den laufenden Schritt und den Rest seines Abschnitts anhalten (Esc)</translation>
    </message>
    <message>
        <source>Hide these warnings</source>
        <translation>Diese Warnungen ausblenden</translation>
    </message>
    <message>
        <source>Hide warnings</source>
        <translation>Warnungen ausblenden</translation>
    </message>
    <message>
        <source>Filter sections (Ctrl+F)</source>
        <translation>Abschnitte filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Filter sections</source>
        <translation>Abschnitte filtern</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>Untitled runbook</source>
        <translation>Runbook ohne Titel</translation>
    </message>
    <message>
        <source>no databases in the workspace</source>
        <translation>keine Datenbanken im Arbeitsbereich</translation>
    </message>
    <message>
        <source>choose a database</source>
        <translation>Datenbank wählen</translation>
    </message>
    <message>
        <source>This runbook has no SQL steps</source>
        <translation>Dieses Runbook hat keine SQL-Schritte</translation>
    </message>
    <message>
        <source>This runbook has no sections.</source>
        <translation>Dieses Runbook hat keine Abschnitte.</translation>
    </message>
    <message>
        <source>Nothing in this section.</source>
        <translation>Dieser Abschnitt ist leer.</translation>
    </message>
    <message>
        <source>Run Section</source>
        <translation>Abschnitt ausführen</translation>
    </message>
    <message>
        <source>Run the steps of “%1” in order, stopping at the first failure</source>
        <translation>Die Schritte von „%1“ der Reihe nach ausführen und beim ersten Fehler anhalten</translation>
    </message>
    <message>
        <source>expected output</source>
        <translation>erwartete Ausgabe</translation>
    </message>
    <message>
        <source>reference, not run</source>
        <translation>Referenz, wird nicht ausgeführt</translation>
    </message>
    <message>
        <source>%1 · reference, not run</source>
        <translation>%1 · Referenz, wird nicht ausgeführt</translation>
    </message>
    <message>
        <source>%1 · line %2</source>
        <translation>%1 · Zeile %2</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy this block</source>
        <translation>Diesen Block kopieren</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 von %2 erledigt</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 steps done</source>
        <translation>%1 von %2 Schritten erledigt</translation>
    </message>
    <message>
        <source>no steps</source>
        <translation>keine Schritte</translation>
    </message>
    <message>
        <source>Run the steps of “%1” in order, stopping at the first failure (Ctrl+Shift+Return)</source>
        <translation>Die Schritte von „%1“ der Reihe nach ausführen und beim ersten Fehler anhalten (Strg+Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Nothing to run in this section</source>
        <translation>In diesem Abschnitt gibt es nichts auszuführen</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Link Not Opened</source>
        <translation>Link nicht geöffnet</translation>
    </message>
    <message>
        <source>OpsDeck opens only http and https links from a runbook, and links to its own sections. This link was not opened: %1.</source>
        <translation>OpsDeck öffnet aus einem Runbook nur http- und https-Links sowie Links auf seine eigenen Abschnitte. Dieser Link wurde nicht geöffnet: %1.</translation>
    </message>
    <message>
        <source>Open Link?</source>
        <translation>Link öffnen?</translation>
    </message>
    <message>
        <source>This runbook links to a web page. Open it in your browser?</source>
        <translation>Dieses Runbook verweist auf eine Webseite. Im Browser öffnen?</translation>
    </message>
    <message>
        <source>&amp;Open in Browser</source>
        <translation>Im Browser ö&amp;ffnen</translation>
    </message>
</context>
<context>
    <name>OpsDeck::RunbooksPage</name>
    <message>
        <source>Start &amp;Incident…</source>
        <translation>&amp;Vorfall eröffnen…</translation>
    </message>
    <message>
        <source>Filter runbooks…</source>
        <translation>Runbooks filtern…</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation>O&amp;rdner hinzufügen…</translation>
    </message>
    <message>
        <source>Add a folder of Markdown runbooks to the list</source>
        <translation>Einen Ordner mit Markdown-Runbooks zur Liste hinzufügen</translation>
    </message>
    <message>
        <source>Declare an incident and follow this runbook in the wizard</source>
        <translation>Einen Vorfall eröffnen und diesem Runbook im Assistenten folgen</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Open Runbook</source>
        <translation>Runbook öffnen</translation>
    </message>
    <message>
        <source>Markdown runbooks (*.md *.markdown *.txt);;All files (*)</source>
        <translation>Markdown-Runbooks (*.md *.markdown *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add Runbook Folder</source>
        <translation>Runbook-Ordner hinzufügen</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>integriert</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Runbooks as checklists that run.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Pick a runbook on the left, or open any Markdown file (Ctrl+Shift+O). Its code blocks become steps you run on a host of the workspace, one by one or a section at a time, with their output, exit status and risk.&lt;/p&gt;&lt;p&gt;The built-in runbooks guide incidents; add your team&apos;s folders with &lt;i&gt;Add Folder…&lt;/i&gt; or under &lt;code&gt;runbooks:&lt;/code&gt; in the workspace.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Runbooks als Checklisten, die selbst laufen.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Wählen Sie links ein Runbook oder öffnen Sie eine beliebige Markdown-Datei (Strg+Umschalt+O). Ihre Codeblöcke werden zu Schritten, die Sie auf einem Host des Arbeitsbereichs ausführen – einzeln oder abschnittsweise, mit Ausgabe, Exit-Status und Risiko.&lt;/p&gt;&lt;p&gt;Die eingebauten Runbooks führen durch Vorfälle; die Ordner Ihres Teams fügen Sie mit &lt;i&gt;Ordner hinzufügen…&lt;/i&gt; oder unter &lt;code&gt;runbooks:&lt;/code&gt; im Arbeitsbereich hinzu.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OpsDeck::SecretAddressDialog</name>
    <message>
        <source>Send a Secret to Another Address?</source>
        <translation>Geheimnis an eine andere Adresse senden?</translation>
    </message>
    <message>
        <source>&lt;p&gt;The workspace sends the secret &lt;b&gt;keychain:%1&lt;/b&gt; to &lt;b&gt;%2&lt;/b&gt;, but it was stored for &lt;b&gt;%3&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;If someone changed the workspace file, this would hand your password to a machine that may not be yours. Send it only if you know why the address changed.&lt;/p&gt;&lt;p&gt;OpsDeck remembers a yes for this secret and this address.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Arbeitsbereich sendet das Geheimnis &lt;b&gt;keychain:%1&lt;/b&gt; an &lt;b&gt;%2&lt;/b&gt;, gespeichert wurde es aber für &lt;b&gt;%3&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Hat jemand die Arbeitsbereichsdatei geändert, ginge Ihr Passwort an einen Rechner, der vielleicht nicht Ihrer ist. Senden Sie es nur, wenn Sie wissen, warum sich die Adresse geändert hat.&lt;/p&gt;&lt;p&gt;OpsDeck merkt sich ein Ja für dieses Geheimnis und diese Adresse.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Send to %1</source>
        <translation>An %1 &amp;senden</translation>
    </message>
</context>
<context>
    <name>OpsDeck::SettingsDialog</name>
    <message>
        <source>&amp;Reopen the last workspace at start</source>
        <translation>Letzten Arbeitsbereich beim Start &amp;wieder öffnen</translation>
    </message>
    <message>
        <source>Start in &amp;read-only mode</source>
        <translation>Im &amp;Nur-Lese-Modus starten</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>&amp;Erscheinungsbild:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language is used the next time OpsDeck starts.</source>
        <translation>Die neue Sprache wird beim nächsten Start von OpsDeck verwendet.</translation>
    </message>
</context>
<context>
    <name>OpsDeck::SftpClient</name>
    <message>
        <source>%1 on %2: no such file or directory</source>
        <translation>%1 auf %2: Datei oder Verzeichnis existiert nicht</translation>
    </message>
    <message>
        <source>%1 on %2: permission denied</source>
        <translation>%1 auf %2: Zugriff verweigert</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
    <message>
        <source>%1 offers no SFTP: %2</source>
        <translation>%1 bietet kein SFTP an: %2</translation>
    </message>
    <message>
        <source>a read of %1 bytes at %2 is out of range (at most %3 bytes)</source>
        <translation>ein Lesen von %1 Bytes ab %2 liegt außerhalb des Bereichs (höchstens %3 Bytes)</translation>
    </message>
</context>
<context>
    <name>OpsDeck::SilenceEditor</name>
    <message>
        <source>Silence Alert</source>
        <translation>Alarm stummschalten</translation>
    </message>
    <message>
        <source>Matchers</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 Stunden</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>Until a chosen time</source>
        <translation>Bis zu einem gewählten Zeitpunkt</translation>
    </message>
    <message>
        <source>Why, and what the team should know (required)</source>
        <translation>Warum, und was das Team wissen sollte (Pflichtfeld)</translation>
    </message>
    <message>
        <source>&amp;Matches:</source>
        <translation>&amp;Bedingungen:</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation>Erstellt von:</translation>
    </message>
    <message>
        <source>&amp;Silence…</source>
        <translation>&amp;Stummschalten…</translation>
    </message>
    <message>
        <source>A silence needs at least one label to match.</source>
        <translation>Eine Stummschaltung braucht mindestens ein Label als Bedingung.</translation>
    </message>
    <message>
        <source>The end lies in the past.</source>
        <translation>Das Ende liegt in der Vergangenheit.</translation>
    </message>
    <message>
        <source>Say why: the comment is what the team reads in Alertmanager.</source>
        <translation>Sagen Sie, warum: Den Kommentar liest das Team im Alertmanager.</translation>
    </message>
</context>
<context>
    <name>OpsDeck::SshExecutor</name>
    <message>
        <source>OpsDeck is closing the connection to %1</source>
        <translation>OpsDeck schließt die Verbindung zu %1</translation>
    </message>
</context>
<context>
    <name>OpsDeck::SshSession</name>
    <message>
        <source>Cannot resolve the host name %1 (DNS): %2</source>
        <translation>Der Hostname %1 kann nicht aufgelöst werden (DNS): %2</translation>
    </message>
    <message>
        <source>Connection to %1 refused: is sshd running and listening on that port?</source>
        <translation>Verbindung zu %1 abgelehnt: Läuft sshd und lauscht es auf diesem Port?</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s: the host is down or a firewall drops the connection.</source>
        <translation>Keine Antwort von %1 innerhalb von %2 s: Der Host ist nicht erreichbar oder eine Firewall verwirft die Verbindung.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Verbindung zu %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>The server %1 sent no usable host key.</source>
        <translation>Der Server %1 hat keinen verwendbaren Hostschlüssel gesendet.</translation>
    </message>
    <message>
        <source>The %1 host key of %2 (%3) is marked @revoked in %4 line %5. OpsDeck refuses to connect.</source>
        <translation>Der %1-Hostschlüssel von %2 (%3) ist in %4 Zeile %5 als @revoked markiert. OpsDeck verweigert die Verbindung.</translation>
    </message>
    <message>
        <source>waiting for the host key to be accepted</source>
        <translation>wartet auf die Bestätigung des Hostschlüssels</translation>
    </message>
    <message>
        <source>The host key of %1 was not accepted.</source>
        <translation>Der Hostschlüssel von %1 wurde nicht akzeptiert.</translation>
    </message>
    <message>
        <source>agent (no SSH_AUTH_SOCK)</source>
        <translation>Agent (kein SSH_AUTH_SOCK)</translation>
    </message>
    <message>
        <source>agent (no key accepted)</source>
        <translation>Agent (kein Schlüssel akzeptiert)</translation>
    </message>
    <message>
        <source>key (no key file)</source>
        <translation>Schlüssel (keine Schlüsseldatei)</translation>
    </message>
    <message>
        <source>key %1 (cannot be read: wrong or missing passphrase?)</source>
        <translation>Schlüssel %1 (nicht lesbar: falsche oder fehlende Passphrase?)</translation>
    </message>
    <message>
        <source>key %1 (no such file)</source>
        <translation>Schlüssel %1 (Datei existiert nicht)</translation>
    </message>
    <message>
        <source>key %1 (refused)</source>
        <translation>Schlüssel %1 (abgelehnt)</translation>
    </message>
    <message>
        <source>password (none given)</source>
        <translation>Passwort (keines angegeben)</translation>
    </message>
    <message>
        <source>password (refused)</source>
        <translation>Passwort (abgelehnt)</translation>
    </message>
    <message>
        <source>keyboard-interactive (refused)</source>
        <translation>tastaturinteraktiv (abgelehnt)</translation>
    </message>
    <message>
        <source>Authentication with %1 broke off: %2</source>
        <translation>Die Authentifizierung bei %1 brach ab: %2</translation>
    </message>
    <message>
        <source>Authentication failed for %1@%2. Tried: %3. The server accepts: %4.</source>
        <translation>Authentifizierung für %1@%2 fehlgeschlagen. Versucht: %3. Der Server akzeptiert: %4.</translation>
    </message>
    <message>
        <source>nothing that the server offers</source>
        <translation>nichts, was der Server anbietet</translation>
    </message>
    <message>
        <source>waiting for the password</source>
        <translation>wartet auf das Passwort</translation>
    </message>
    <message>
        <source>waiting for the key&apos;s passphrase</source>
        <translation>wartet auf die Passphrase des Schlüssels</translation>
    </message>
    <message>
        <source>Connection to %1 lost: %2</source>
        <translation>Verbindung zu %1 verloren: %2</translation>
    </message>
    <message>
        <source>Connection to %1 lost: the server closed it.</source>
        <translation>Verbindung zu %1 verloren: Der Server hat sie geschlossen.</translation>
    </message>
    <message>
        <source>%1 (%2 port %3, host key alias %4)</source>
        <translation>%1 (%2 Port %3, Alias für den Hostschlüssel %4)</translation>
    </message>
    <message>
        <source>%1 (%2 port %3)</source>
        <translation>%1 (%2 Port %3)</translation>
    </message>
    <message>
        <source>Cannot check the host key of %1: the ssh configuration has an error: %2</source>
        <translation>Der Hostschlüssel von %1 kann nicht geprüft werden: Die ssh-Konfiguration enthält einen Fehler: %2</translation>
    </message>
    <message>
        <source>Cannot check the host key of %1: %2. OpsDeck does not connect while a known_hosts file cannot be read completely; fix or remove it.</source>
        <translation>Der Hostschlüssel von %1 kann nicht geprüft werden: %2. OpsDeck verbindet sich nicht, solange eine known_hosts-Datei nicht vollständig gelesen werden kann; korrigieren oder entfernen Sie sie.</translation>
    </message>
    <message>
        <source>The host %1 is to be checked against the certificate authority in %2 line %3, but OpsDeck does not verify host certificates, so it refuses to connect. Its %4 key has fingerprint %5; if you trust it, add it to a known_hosts file for %6.</source>
        <translation>Der Host %1 soll gegen die Zertifizierungsstelle in %2 Zeile %3 geprüft werden, aber OpsDeck prüft keine Host-Zertifikate und verweigert daher die Verbindung. Sein %4-Schlüssel hat den Fingerabdruck %5; wenn Sie ihm vertrauen, tragen Sie ihn für %6 in eine known_hosts-Datei ein.</translation>
    </message>
    <message>
        <source>WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED for %1! Someone could be eavesdropping on you right now (man-in-the-middle attack), or the host key has just been changed. The %2 key sent by the server has fingerprint %3. The known key is in %4 line %5. OpsDeck refuses to connect. If the change is expected, remove that line (for example with: ssh-keygen -R %6 -f %4) and connect again.</source>
        <translation>WARNUNG: DIE IDENTITÄT DES ENTFERNTEN HOSTS HAT SICH GEÄNDERT für %1! Möglicherweise hört gerade jemand mit (Man-in-the-Middle-Angriff), oder der Hostschlüssel wurde eben geändert. Der vom Server gesendete %2-Schlüssel hat den Fingerabdruck %3. Der bekannte Schlüssel steht in %4 Zeile %5. OpsDeck verweigert die Verbindung. Wenn die Änderung erwartet ist, entfernen Sie diese Zeile (zum Beispiel mit: ssh-keygen -R %6 -f %4) und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>The %1 key %2 of %3 is in no known_hosts file, and StrictHostKeyChecking is yes in the ssh configuration: OpsDeck refuses to connect. Add the key to a known_hosts file once you have checked it.</source>
        <translation>Der %1-Schlüssel %2 von %3 steht in keiner known_hosts-Datei, und StrictHostKeyChecking ist in der ssh-Konfiguration yes: OpsDeck verweigert die Verbindung. Tragen Sie den Schlüssel in eine known_hosts-Datei ein, sobald Sie ihn geprüft haben.</translation>
    </message>
    <message>
        <source>the host name cannot be written in a known_hosts line</source>
        <translation>der Hostname lässt sich nicht in eine known_hosts-Zeile schreiben</translation>
    </message>
    <message>
        <source>Cannot remember the host key of %1 in %2: %3</source>
        <translation>Der Hostschlüssel von %1 kann nicht in %2 gespeichert werden: %3</translation>
    </message>
    <message>
        <source>The authenticity of %1 cannot be established: its %2 key %3 is in no known_hosts file, and nobody is here to accept it.</source>
        <translation>Die Echtheit von %1 kann nicht festgestellt werden: Sein %2-Schlüssel %3 steht in keiner known_hosts-Datei, und niemand ist da, um ihn zu akzeptieren.</translation>
    </message>
    <message>
        <source>password (none given: %1)</source>
        <translation>Passwort (keines angegeben: %1)</translation>
    </message>
</context>
<context>
    <name>OpsDeck::SshShellPool</name>
    <message>
        <source>cancelled before it started</source>
        <translation>vor dem Start abgebrochen</translation>
    </message>
    <message>
        <source>%1 refused to start a shell: %2</source>
        <translation>%1 hat den Start einer Shell abgelehnt: %2</translation>
    </message>
    <message>
        <source>the remote shell on %1 ended unexpectedly</source>
        <translation>die entfernte Shell auf %1 wurde unerwartet beendet</translation>
    </message>
</context>
<context>
    <name>OpsDeck::SshTunnels</name>
    <message>
        <source>Cannot listen on a local port: %1</source>
        <translation>Kein lokaler Port zum Lauschen verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>OpsDeck::StateStoreWorker</name>
    <message>
        <source>Cannot open the state database %1: the Qt SQLite driver (QSQLITE) is not installed.</source>
        <translation>Die Zustandsdatenbank %1 kann nicht geöffnet werden: Der Qt-SQLite-Treiber (QSQLITE) ist nicht installiert.</translation>
    </message>
    <message>
        <source>Cannot open the state database %1: %2</source>
        <translation>Die Zustandsdatenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot configure the state database %1 (%2): %3</source>
        <translation>Die Zustandsdatenbank %1 kann nicht konfiguriert werden (%2): %3</translation>
    </message>
    <message>
        <source>Cannot switch the state database %1 to write-ahead logging: SQLite kept journal mode &apos;%2&apos;. Is the file on a network or read-only file system?</source>
        <translation>Die Zustandsdatenbank %1 kann nicht auf Write-Ahead-Logging umgestellt werden: SQLite hat den Journalmodus &apos;%2&apos; beibehalten. Liegt die Datei auf einem Netzwerk- oder schreibgeschützten Dateisystem?</translation>
    </message>
    <message>
        <source>The state database is not open.</source>
        <translation>Die Zustandsdatenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>The state database %1 is not open.</source>
        <translation>Die Zustandsdatenbank %1 ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>The state database %1 is not open: %2</source>
        <translation>Die Zustandsdatenbank %1 ist nicht geöffnet: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder for the state database %1: %2</source>
        <translation>Der Ordner für die Zustandsdatenbank %1 kann nicht angelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>OpsDeck::VerificationStore</name>
    <message>
        <source>Cannot read backup verifications from %1: %2</source>
        <translation>Backup-Prüfungen aus %1 lassen sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>There is no state database: the verification of %1 is not kept.</source>
        <translation>Es gibt keine Zustandsdatenbank: die Prüfung von %1 wird nicht aufbewahrt.</translation>
    </message>
    <message>
        <source>Cannot keep the verification of %1 on %2 in the state database: %3</source>
        <translation>Die Prüfung von %1 auf %2 lässt sich nicht in der Zustandsdatenbank aufbewahren: %3</translation>
    </message>
    <message>
        <source>There is no state database.</source>
        <translation>Es gibt keine Zustandsdatenbank.</translation>
    </message>
</context>
<context>
    <name>OpsDeck::WorkspaceDocument</name>
    <message>
        <source>The built-in workspace cannot be edited; open or create a workspace file first.</source>
        <translation>Der integrierte Arbeitsbereich kann nicht bearbeitet werden; öffnen oder erstellen Sie zuerst eine Arbeitsbereichsdatei.</translation>
    </message>
    <message>
        <source>%1 has errors; fix them in the file before editing it here.</source>
        <translation>%1 enthält Fehler; beheben Sie diese in der Datei, bevor Sie sie hier bearbeiten.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 changed on disk since it was loaded. It is being reloaded; make the change again.</source>
        <translation>%1 wurde seit dem Laden auf dem Datenträger geändert. Die Datei wird neu geladen; nehmen Sie die Änderung erneut vor.</translation>
    </message>
    <message>
        <source>The change would make the workspace invalid, so it was not saved: %1</source>
        <translation>Die Änderung würde den Arbeitsbereich ungültig machen und wurde daher nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The previous change to %1 is still being saved; try again when it is done.</source>
        <translation>Die vorige Änderung an %1 wird noch gespeichert; versuchen Sie es erneut, wenn sie fertig ist.</translation>
    </message>
</context>
<context>
    <name>OpsDeck::WorkspaceModel</name>
    <message>
        <source>this computer, without SSH</source>
        <translation>dieser Computer, ohne SSH</translation>
    </message>
    <message>
        <source>through %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>PostgreSQL %1 on %2:%3</source>
        <translation>PostgreSQL %1 auf %2:%3</translation>
    </message>
    <message>
        <source>Redis on %1:%2</source>
        <translation>Redis auf %1:%2</translation>
    </message>
    <message>
        <source>Redis on %1</source>
        <translation>Redis auf %1</translation>
    </message>
    <message>
        <source>connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
</context>
<context>
    <name>OpsDeck::WorkspaceTree</name>
    <message>
        <source>Filter hosts, services, tags…</source>
        <translation>Hosts, Dienste, Tags filtern…</translation>
    </message>
    <message>
        <source>Filter the workspace tree</source>
        <translation>Arbeitsbereichsbaum filtern</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>&amp;Edit Host…</source>
        <translation>Host &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Add Host…</source>
        <translation>Host &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Copy Name</source>
        <translation>&amp;Namen kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Details</source>
        <translation>&amp;Details kopieren</translation>
    </message>
    <message>
        <source>E&amp;xpand All Below</source>
        <translation>Alles darunter &amp;aufklappen</translation>
    </message>
    <message>
        <source>&amp;Run Command on This Host…</source>
        <translation>Befehl auf diesem Host &amp;ausführen…</translation>
    </message>
    <message>
        <source>&amp;Open Log</source>
        <translation>Log ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open &amp;Log</source>
        <translation>&amp;Log öffnen</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Remember in keychain</source>
        <translation>Im Schlüsselbund merken</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
</context>
<context>
    <name>PgTool</name>
    <message>
        <source>The password has a line break, which a .pgpass file cannot hold; OpsDeck does not hand it to pg tools any other way</source>
        <translation>Das Passwort enthält einen Zeilenumbruch, den eine .pgpass-Datei nicht fassen kann; auf anderem Weg gibt OpsDeck es nicht an pg-Werkzeuge weiter</translation>
    </message>
</context>
<context>
    <name>PlainSqlScan</name>
    <message>
        <source>runs a shell command</source>
        <translation>führt einen Shell-Befehl aus</translation>
    </message>
    <message>
        <source>can send output to a shell command or write a file</source>
        <translation>kann Ausgabe an einen Shell-Befehl senden oder eine Datei schreiben</translation>
    </message>
    <message>
        <source>reads or writes files on the host, or runs a program</source>
        <translation>liest oder schreibt Dateien auf dem Host oder führt ein Programm aus</translation>
    </message>
    <message>
        <source>runs the SQL of another file</source>
        <translation>führt das SQL einer anderen Datei aus</translation>
    </message>
    <message>
        <source>sets a variable, from a shell command when it has backticks</source>
        <translation>setzt eine Variable, mit Backticks aus einem Shell-Befehl</translation>
    </message>
    <message>
        <source>reads or writes large objects from files on the host</source>
        <translation>liest oder schreibt Large Objects aus Dateien auf dem Host</translation>
    </message>
    <message>
        <source>changes the directory psql reads and writes files in</source>
        <translation>wechselt das Verzeichnis, in dem psql Dateien liest und schreibt</translation>
    </message>
    <message>
        <source>changes how psql reads the bytes that follow to an encoding OpsDeck does not allow</source>
        <translation>stellt psql für die folgenden Bytes auf eine Kodierung um, die OpsDeck nicht zulässt</translation>
    </message>
    <message>
        <source>ends COPY data, but no COPY … FROM stdin is open here</source>
        <translation>beendet COPY-Daten, aber hier ist kein COPY … FROM stdin offen</translation>
    </message>
    <message>
        <source>has arguments that are not the plain ones pg_dump writes</source>
        <translation>hat Argumente, die nicht die einfachen sind, die pg_dump schreibt</translation>
    </message>
    <message>
        <source>a lone backslash, which psql reads as a meta-command</source>
        <translation>ein einzelner Backslash, den psql als Meta-Befehl liest</translation>
    </message>
    <message>
        <source>is not a meta-command pg_dump writes</source>
        <translation>ist kein Meta-Befehl, den pg_dump schreibt</translation>
    </message>
    <message>
        <source>a dollar-quote tag longer than %1 bytes</source>
        <translation>ein Dollar-Quote-Tag länger als %1 Bytes</translation>
    </message>
    <message>
        <source>a quote right after a number and an E: psql versions read it differently</source>
        <translation>ein Anführungszeichen direkt nach einer Zahl und einem E: psql-Versionen lesen es unterschiedlich</translation>
    </message>
    <message>
        <source>a string continued on a new line after an E&apos;…&apos; string: psql versions read its backslashes differently</source>
        <translation>eine Zeichenkette, die nach einer E&apos;…&apos;-Zeichenkette auf einer neuen Zeile weitergeht: psql-Versionen lesen ihre Backslashes unterschiedlich</translation>
    </message>
    <message>
        <source>changes %1 other than as pg_dump does, which changes how psql reads the text that follows</source>
        <translation>ändert %1 anders als pg_dump, was ändert, wie psql den folgenden Text liest</translation>
    </message>
    <message>
        <source>line %1, column %2: %3 — %4</source>
        <translation>Zeile %1, Spalte %2: %3 — %4</translation>
    </message>
    <message numerus="yes">
        <source>%n more not listed</source>
        <translation>
            <numerusform>%n weiterer nicht aufgeführt</numerusform>
            <numerusform>%n weitere nicht aufgeführt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refused: the dump has %n psql meta-command(s) pg_dump does not write, the first at line %1, column %2 (%3: %4).</source>
        <translation>
            <numerusform>Abgelehnt: der Dump hat %n psql-Meta-Befehl, den pg_dump nicht schreibt, in Zeile %1, Spalte %2 (%3: %4).</numerusform>
            <numerusform>Abgelehnt: der Dump hat %n psql-Meta-Befehle, die pg_dump nicht schreibt, den ersten in Zeile %1, Spalte %2 (%3: %4).</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused: the dump switches to another database with \connect at line %1 (pg_dumpall or pg_dump --create output), so what follows would not go into the target database.</source>
        <translation>Abgelehnt: der Dump wechselt in Zeile %1 mit \connect in eine andere Datenbank (Ausgabe von pg_dumpall oder pg_dump --create), also ginge das Folgende nicht in die Zieldatenbank.</translation>
    </message>
    <message>
        <source>Refused: the dump has no \restrict line before its SQL (pg_dump 17.6, 16.10, 15.14, 14.19, 13.22 and later write one), so nothing stops psql from running meta-commands hidden in it.</source>
        <translation>Abgelehnt: der Dump hat vor seinem SQL keine \restrict-Zeile (pg_dump 17.6, 16.10, 15.14, 14.19, 13.22 und neuer schreiben eine), also hindert nichts psql daran, darin versteckte Meta-Befehle auszuführen.</translation>
    </message>
    <message>
        <source>Refused: the psql on the host did not say its version (&quot;%1&quot;), so it is unknown whether it honours \restrict.</source>
        <translation>Abgelehnt: das psql auf dem Host nannte seine Version nicht („%1“), also ist unbekannt, ob es \restrict beachtet.</translation>
    </message>
    <message>
        <source>Refused: psql %1.%2 on the host does not know \restrict; it needs 17.6, 16.10, 15.14, 14.19, 13.22, 18 or later.</source>
        <translation>Abgelehnt: psql %1.%2 auf dem Host kennt \restrict nicht; nötig ist 17.6, 16.10, 15.14, 14.19, 13.22, 18 oder neuer.</translation>
    </message>
</context>
<context>
    <name>PrivateFiles</name>
    <message>
        <source>Cannot create the folder %1: %2</source>
        <translation>Der Ordner %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot make the folder %1 private: %2</source>
        <translation>Der Ordner %1 kann nicht privat gemacht werden: %2</translation>
    </message>
    <message>
        <source>Cannot use %1 as a folder: it is not one.</source>
        <translation>%1 kann nicht als Ordner verwendet werden: Es ist keiner.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot make %1 private: %2</source>
        <translation>%1 kann nicht privat gemacht werden: %2</translation>
    </message>
</context>
<context>
    <name>PrometheusClient</name>
    <message>
        <source>the answer is not JSON (%1 at byte %2)</source>
        <translation>die Antwort ist kein JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the server reported an error without a message</source>
        <translation>der Server meldete einen Fehler ohne Meldungstext</translation>
    </message>
    <message>
        <source>the answer has no status &quot;success&quot; or &quot;error&quot;</source>
        <translation>die Antwort hat keinen Status „success“ oder „error“</translation>
    </message>
    <message>
        <source>malformed answer: %1</source>
        <translation>fehlerhafte Antwort: %1</translation>
    </message>
    <message>
        <source>the result is not a list</source>
        <translation>das Ergebnis ist keine Liste</translation>
    </message>
    <message>
        <source>a sample is not [time, &quot;value&quot;]</source>
        <translation>ein Messwert ist nicht [Zeit, &quot;Wert&quot;]</translation>
    </message>
    <message>
        <source>the scalar is not [time, &quot;value&quot;]</source>
        <translation>der Skalar ist nicht [Zeit, &quot;Wert&quot;]</translation>
    </message>
    <message>
        <source>the string is not [time, &quot;text&quot;]</source>
        <translation>die Zeichenkette ist nicht [Zeit, &quot;Text&quot;]</translation>
    </message>
    <message>
        <source>unknown result type &quot;%1&quot;</source>
        <translation>unbekannter Ergebnistyp „%1“</translation>
    </message>
    <message>
        <source>Request rate</source>
        <translation>Anfragerate</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>Latency (p95)</source>
        <translation>Latenz (p95)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>%1: no answer within %2 ms</source>
        <translation>%1: keine Antwort innerhalb von %2 ms</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: HTTP %2: %3</source>
        <translation>%1: HTTP %2: %3</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
</context>
<context>
    <name>PrometheusText</name>
    <message>
        <source>expected &apos;# EOF&apos; at the end of an OpenMetrics exposition</source>
        <translation>&apos;# EOF&apos; am Ende einer OpenMetrics-Ausgabe erwartet</translation>
    </message>
    <message>
        <source>too many errors; the rest of the file is not read</source>
        <translation>zu viele Fehler; der Rest der Datei wird nicht gelesen</translation>
    </message>
    <message>
        <source>text after &apos;# EOF&apos;, which ends an OpenMetrics exposition</source>
        <translation>Text nach &apos;# EOF&apos;, das eine OpenMetrics-Ausgabe beendet</translation>
    </message>
    <message>
        <source>unknown escape sequence &apos;\%1&apos;; expected \\, \&quot; or \n</source>
        <translation>unbekannte Escape-Sequenz &apos;\%1&apos;; erwartet: \\, \&quot; oder \n</translation>
    </message>
    <message>
        <source>expected the end of the line after &apos;# EOF&apos;</source>
        <translation>Zeilenende nach &apos;# EOF&apos; erwartet</translation>
    </message>
    <message>
        <source>expected HELP, TYPE, UNIT or EOF after &apos;#&apos;; OpenMetrics has no other comments</source>
        <translation>HELP, TYPE, UNIT oder EOF nach &apos;#&apos; erwartet; OpenMetrics kennt keine anderen Kommentare</translation>
    </message>
    <message>
        <source>expected a metric name after &apos;# %1&apos;</source>
        <translation>Metrikname nach &apos;# %1&apos; erwartet</translation>
    </message>
    <message>
        <source>second HELP line for &apos;%1&apos;; the first is on line %2</source>
        <translation>zweite HELP-Zeile für &apos;%1&apos;; die erste steht in Zeile %2</translation>
    </message>
    <message>
        <source>expected a metric type: counter, gauge, histogram, gaugehistogram, summary, info, stateset or unknown</source>
        <translation>Metriktyp erwartet: counter, gauge, histogram, gaugehistogram, summary, info, stateset oder unknown</translation>
    </message>
    <message>
        <source>expected a metric type: counter, gauge, histogram, summary or untyped</source>
        <translation>Metriktyp erwartet: counter, gauge, histogram, summary oder untyped</translation>
    </message>
    <message>
        <source>second TYPE line for &apos;%1&apos;; the first is on line %2</source>
        <translation>zweite TYPE-Zeile für &apos;%1&apos;; die erste steht in Zeile %2</translation>
    </message>
    <message>
        <source>the TYPE line for &apos;%1&apos; comes after its samples; it must come before them</source>
        <translation>die TYPE-Zeile für &apos;%1&apos; steht nach ihren Messwerten; sie muss davor stehen</translation>
    </message>
    <message>
        <source>second UNIT line for &apos;%1&apos;; the first is on line %2</source>
        <translation>zweite UNIT-Zeile für &apos;%1&apos;; die erste steht in Zeile %2</translation>
    </message>
    <message>
        <source>expected the end of the line after the unit</source>
        <translation>Zeilenende nach der Einheit erwartet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a %2; its samples are named with a suffix such as _bucket, _count or _info</source>
        <translation>&apos;%1&apos; ist vom Typ %2; seine Messwerte tragen eine Endung wie _bucket, _count oder _info</translation>
    </message>
    <message>
        <source>expected a label name or &apos;}&apos;</source>
        <translation>Labelname oder &apos;}&apos; erwartet</translation>
    </message>
    <message>
        <source>expected &apos;=&apos; after the label name &apos;%1&apos;</source>
        <translation>&apos;=&apos; nach dem Labelnamen &apos;%1&apos; erwartet</translation>
    </message>
    <message>
        <source>expected &apos;&quot;&apos; to open the value of label &apos;%1&apos;</source>
        <translation>&apos;&quot;&apos; zu Beginn des Werts von Label &apos;%1&apos; erwartet</translation>
    </message>
    <message>
        <source>the value of label &apos;%1&apos; has no closing &apos;&quot;&apos;</source>
        <translation>dem Wert von Label &apos;%1&apos; fehlt das schließende &apos;&quot;&apos;</translation>
    </message>
    <message>
        <source>label &apos;%1&apos; appears twice in one sample</source>
        <translation>Label &apos;%1&apos; kommt in einem Messwert zweimal vor</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; after the value of label &apos;%1&apos;</source>
        <translation>&apos;,&apos; oder &apos;}&apos; nach dem Wert von Label &apos;%1&apos; erwartet</translation>
    </message>
    <message>
        <source>expected a value after the exemplar&apos;s labels</source>
        <translation>Wert nach den Labels des Exemplars erwartet</translation>
    </message>
    <message>
        <source>expected a value after &apos;%1&apos;</source>
        <translation>Wert nach &apos;%1&apos; erwartet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number; expected a value such as 42, 1.5e-3, +Inf, -Inf or NaN</source>
        <translation>&apos;%1&apos; ist keine Zahl; erwartet wird ein Wert wie 42, 1.5e-3, +Inf, -Inf oder NaN</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a timestamp; expected seconds since 1970 such as 1700000000.25</source>
        <translation>&apos;%1&apos; ist kein Zeitstempel; erwartet werden Sekunden seit 1970 wie 1700000000.25</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a timestamp; expected milliseconds since 1970 such as 1700000000000</source>
        <translation>&apos;%1&apos; ist kein Zeitstempel; erwartet werden Millisekunden seit 1970 wie 1700000000000</translation>
    </message>
    <message>
        <source>expected an exemplar &apos;# {labels} value&apos; or the end of the line</source>
        <translation>Exemplar &apos;# {labels} Wert&apos; oder Zeilenende erwartet</translation>
    </message>
    <message>
        <source>expected the end of the line after the exemplar</source>
        <translation>Zeilenende nach dem Exemplar erwartet</translation>
    </message>
    <message>
        <source>expected a metric name or &apos;#&apos;</source>
        <translation>Metrikname oder &apos;#&apos; erwartet</translation>
    </message>
    <message>
        <source>expected the end of the line after the timestamp</source>
        <translation>Zeilenende nach dem Zeitstempel erwartet</translation>
    </message>
    <message>
        <source>expected a timestamp or the end of the line after the value</source>
        <translation>Zeitstempel oder Zeilenende nach dem Wert erwartet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no label &apos;le&apos;, which every histogram bucket needs</source>
        <translation>&apos;%1&apos; hat kein Label &apos;le&apos;, das jeder Histogramm-Bucket braucht</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no label &apos;quantile&apos;, which every quantile of a summary needs</source>
        <translation>&apos;%1&apos; hat kein Label &apos;quantile&apos;, das jedes Quantil einer Summary braucht</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Confirm Change</source>
        <translation>Änderung bestätigen</translation>
    </message>
    <message>
        <source>%1

This changes the system: %2

Go ahead?</source>
        <translation>%1

Dies verändert das System: %2

Fortfahren?</translation>
    </message>
    <message>
        <source>Confirm Destructive Action</source>
        <translation>Zerstörerische Aktion bestätigen</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;This can destroy data or stop service: %2&lt;/p&gt;&lt;p&gt;Type &lt;b&gt;%3&lt;/b&gt; to confirm.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Dies kann Daten zerstören oder Dienste anhalten: %2&lt;/p&gt;&lt;p&gt;Geben Sie zur Bestätigung &lt;b&gt;%3&lt;/b&gt; ein.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>%1

OpsDeck cannot tell whether this only reads: %2

Go ahead?</source>
        <translation>%1

OpsDeck kann nicht erkennen, ob dies nur liest: %2

Fortfahren?</translation>
    </message>
    <message>
        <source>Confirm Unknown Command</source>
        <translation>Unbekannten Befehl bestätigen</translation>
    </message>
</context>
<context>
    <name>Retention</name>
    <message>
        <source>the newest backup: never deleted</source>
        <translation>die neueste Sicherung: wird nie gelöscht</translation>
    </message>
    <message>
        <source>no retention rule: nothing is deleted</source>
        <translation>keine Aufbewahrungsregel: nichts wird gelöscht</translation>
    </message>
    <message>
        <source>daily: the newest of %1</source>
        <translation>täglich: die neueste vom %1</translation>
    </message>
    <message>
        <source>weekly: the newest of week %1-W%2</source>
        <translation>wöchentlich: die neueste der Woche %1-W%2</translation>
    </message>
    <message numerus="yes">
        <source>younger than %n day(s)</source>
        <translation>
            <numerusform>jünger als %n Tag</numerusform>
            <numerusform>jünger als %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>no rule keeps it</source>
        <translation>keine Regel behält sie</translation>
    </message>
    <message>
        <source>No backup label (….backup) was archived before the oldest kept base backup, so where its WAL starts is unknown: all WAL is kept.</source>
        <translation>Vor dem ältesten behaltenen Basis-Backup wurde kein Backup-Label (….backup) archiviert, also ist unbekannt, wo sein WAL beginnt: alles WAL wird behalten.</translation>
    </message>
    <message>
        <source>timeline history: always kept</source>
        <translation>Timeline-Historie: wird immer behalten</translation>
    </message>
    <message>
        <source>WAL: kept while its need is unknown</source>
        <translation>WAL: behalten, solange unklar ist, ob es gebraucht wird</translation>
    </message>
    <message>
        <source>WAL from before the oldest kept base backup (which starts at %1)</source>
        <translation>WAL von vor dem ältesten behaltenen Basis-Backup (das bei %1 beginnt)</translation>
    </message>
    <message>
        <source>WAL for point-in-time recovery from %1</source>
        <translation>WAL für Point-in-Time-Recovery ab %1</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>Zerstören</translation>
    </message>
</context>
<context>
    <name>RunbookLinks</name>
    <message>
        <source>it is not a valid address</source>
        <translation>er ist keine gültige Adresse</translation>
    </message>
    <message>
        <source>it has no http:// or https:// in front (a path or a relative link)</source>
        <translation>vor ihm steht kein http:// oder https:// (ein Pfad oder ein relativer Link)</translation>
    </message>
    <message>
        <source>file: links open files on this computer</source>
        <translation>file:-Links öffnen Dateien auf diesem Computer</translation>
    </message>
    <message>
        <source>javascript: links run code</source>
        <translation>javascript:-Links führen Code aus</translation>
    </message>
    <message>
        <source>data: links carry their own content</source>
        <translation>data:-Links bringen ihren eigenen Inhalt mit</translation>
    </message>
    <message>
        <source>%1: links hand the address to another program</source>
        <translation>%1:-Links übergeben die Adresse an ein anderes Programm</translation>
    </message>
    <message>
        <source>it names no host</source>
        <translation>er nennt keinen Host</translation>
    </message>
</context>
<context>
    <name>RunbookParser</name>
    <message>
        <source>the here-document &apos;%1&apos; has no terminating line</source>
        <translation>das Here-Dokument &apos;%1&apos; hat keine Abschlusszeile</translation>
    </message>
    <message>
        <source>the file is larger than %1 MiB; is it really a runbook?</source>
        <translation>die Datei ist größer als %1 MiB; ist das wirklich ein Runbook?</translation>
    </message>
    <message numerus="yes">
        <source>repaired double-encoded UTF-8 in %n place(s)</source>
        <translation>
            <numerusform>doppelt kodiertes UTF-8 an %n Stelle repariert</numerusform>
            <numerusform>doppelt kodiertes UTF-8 an %n Stellen repariert</numerusform>
        </translation>
    </message>
    <message>
        <source>the Markdown parser gave up; the runbook may be incomplete</source>
        <translation>der Markdown-Parser hat aufgegeben; das Runbook ist möglicherweise unvollständig</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&apos;cat &gt;&apos; reads the file&apos;s content from the terminal, and the lines after it look like that content: the here-document&apos;s &apos;&lt;&lt;EOF&apos; and its closing &apos;EOF&apos; line seem to be missing</source>
        <translation>&apos;cat &gt;&apos; liest den Dateiinhalt vom Terminal, und die Zeilen danach sehen wie dieser Inhalt aus: &apos;&lt;&lt;EOF&apos; des Here-Dokuments und seine abschließende &apos;EOF&apos;-Zeile scheinen zu fehlen</translation>
    </message>
    <message>
        <source>this %1 block holds SQL statements, not shell commands; it runs against a database</source>
        <translation>dieser %1-Block enthält SQL-Anweisungen, keine Shell-Befehle; er wird auf einer Datenbank ausgeführt</translation>
    </message>
    <message>
        <source>this %1 block is not shell (this &apos;}&apos; closes nothing): it looks like a configuration file, so it is shown but not run</source>
        <translation>dieser %1-Block ist kein Shell-Code (diese &apos;}&apos; schließt nichts): Er sieht wie eine Konfigurationsdatei aus und wird daher angezeigt, aber nicht ausgeführt</translation>
    </message>
    <message>
        <source>the value of %1 goes into a here-document line by line and must be a single line</source>
        <translation>der Wert von %1 steht in einem Here-Dokument und muss eine einzige Zeile sein</translation>
    </message>
    <message>
        <source>%1 stands outside quotes in this SQL, so its value may hold only letters, digits and _ . : @ / + -</source>
        <translation>%1 steht in diesem SQL außerhalb von Anführungszeichen; sein Wert darf daher nur Buchstaben, Ziffern und _ . : @ / + - enthalten</translation>
    </message>
    <message>
        <source>it holds SQL statements, which the shell cannot run: type them in the database client the block opens, or run them as an SQL step</source>
        <translation>der Block enthält SQL-Anweisungen, die die Shell nicht ausführen kann: geben Sie sie im Datenbank-Client ein, den der Block öffnet, oder führen Sie sie als SQL-Schritt aus</translation>
    </message>
    <message>
        <source>%1 (%2) where an option&apos;s &apos;-&apos; belongs; the command does not take it for a dash</source>
        <translation>%1 (%2), wo das &apos;-&apos; einer Option hingehört; der Befehl hält es nicht für einen Bindestrich</translation>
    </message>
    <message>
        <source>%1 (%2) that looks like &apos;-&apos; and is not</source>
        <translation>%1 (%2), das wie &apos;-&apos; aussieht, es aber nicht ist</translation>
    </message>
    <message>
        <source>typographic quote %1 (%2) where %3 was meant; the shell does not quote with it</source>
        <translation>typografisches Anführungszeichen %1 (%2), wo %3 gemeint war; die Shell setzt damit nichts in Anführungszeichen</translation>
    </message>
    <message>
        <source>%1 (%2) that looks like a space; the shell does not split words there</source>
        <translation>%1 (%2), das wie ein Leerzeichen aussieht; die Shell trennt dort keine Wörter</translation>
    </message>
    <message>
        <source>invisible %1 (%2); the command takes it as part of the word</source>
        <translation>unsichtbares %1 (%2); der Befehl nimmt es als Teil des Wortes</translation>
    </message>
    <message>
        <source>this fence looks like the end of a code block whose opening fence was lost: the commands before it are read as text, and the text after it, up to line %1, as code</source>
        <translation>dieser Zaun sieht wie das Ende eines Codeblocks aus, dessen öffnender Zaun verloren ging: Die Befehle davor werden als Text gelesen und der Text danach bis Zeile %1 als Code</translation>
    </message>
    <message>
        <source>a new code block opens here inside the one opened at line %1, whose closing fence seems to be missing: this line is read as code</source>
        <translation>hier öffnet ein neuer Codeblock innerhalb des in Zeile %1 geöffneten, dessen schließender Zaun zu fehlen scheint: Diese Zeile wird als Code gelesen</translation>
    </message>
    <message>
        <source>this code block is never closed: the rest of the file is read as code</source>
        <translation>dieser Codeblock wird nie geschlossen: Der Rest der Datei wird als Code gelesen</translation>
    </message>
    <message>
        <source>this code block is never closed: the rest of the file is read as code, the headings at lines %1 included</source>
        <translation>dieser Codeblock wird nie geschlossen: Der Rest der Datei wird als Code gelesen, die Überschriften in den Zeilen %1 eingeschlossen</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more look-alike character(s) in this block</source>
        <translation>
            <numerusform>und %n weiteres ähnlich aussehendes Zeichen in diesem Block</numerusform>
            <numerusform>und %n weitere ähnlich aussehende Zeichen in diesem Block</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunbookSession</name>
    <message>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>this step is a manual check; tick it when done</source>
        <translation>dieser Schritt ist eine manuelle Prüfung; haken Sie ihn ab, wenn er erledigt ist</translation>
    </message>
    <message>
        <source>line %1 of this step holds no command</source>
        <translation>Zeile %1 dieses Schritts enthält keinen Befehl</translation>
    </message>
    <message>
        <source>%1; run its lines one at a time, or fix the runbook</source>
        <translation>%1; führen Sie seine Zeilen einzeln aus oder korrigieren Sie das Runbook</translation>
    </message>
    <message>
        <source>choose a database for this SQL step</source>
        <translation>wählen Sie eine Datenbank für diesen SQL-Schritt</translation>
    </message>
    <message>
        <source>the workspace has no database &apos;%1&apos;</source>
        <translation>der Arbeitsbereich hat keine Datenbank &apos;%1&apos;</translation>
    </message>
    <message>
        <source>choose a host for this step</source>
        <translation>wählen Sie einen Host für diesen Schritt</translation>
    </message>
    <message>
        <source>another step is running; wait for it or stop it</source>
        <translation>ein anderer Schritt läuft; warten Sie auf ihn oder halten Sie ihn an</translation>
    </message>
    <message>
        <source>fill in %1 first</source>
        <translation>geben Sie zuerst %1 an</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>nicht bestätigt</translation>
    </message>
    <message>
        <source>the workspace has no host &apos;%1&apos;</source>
        <translation>der Arbeitsbereich hat keinen Host &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the database&apos;s password is in the keychain, which this window cannot reach</source>
        <translation>das Passwort der Datenbank liegt im Schlüsselbund, den dieses Fenster nicht erreicht</translation>
    </message>
    <message>
        <source>the keychain has no entry &apos;%1&apos; for the database %2</source>
        <translation>der Schlüsselbund hat keinen Eintrag „%1“ für die Datenbank %2</translation>
    </message>
    <message>
        <source>stopped before it started</source>
        <translation>angehalten, bevor er begann</translation>
    </message>
    <message>
        <source>the value of %1 holds a NUL character, which no command can take</source>
        <translation>der Wert von %1 enthält ein NUL-Zeichen, das kein Befehl annehmen kann</translation>
    </message>
    <message>
        <source>%1 is set by an earlier step that has not run yet; run that step first</source>
        <translation>%1 wird von einem früheren Schritt gesetzt, der noch nicht gelaufen ist; führen Sie diesen Schritt zuerst aus</translation>
    </message>
    <message>
        <source>this step with its values and carried variables is %1 KiB, more than a command line takes; forget the variables of earlier steps or shorten the values</source>
        <translation>dieser Schritt ist mit seinen Werten und übernommenen Variablen %1 KiB groß, mehr als eine Befehlszeile fasst; verwerfen Sie die Variablen früherer Schritte oder kürzen Sie die Werte</translation>
    </message>
    <message>
        <source>skipped by Run Section: it is for a terminal</source>
        <translation>von „Abschnitt ausführen“ übersprungen: Der Schritt ist für ein Terminal</translation>
    </message>
    <message>
        <source>skipped by Run Section: it streams until Stop; run it on its own</source>
        <translation>von „Abschnitt ausführen“ übersprungen: Der Schritt streamt bis Anhalten; führen Sie ihn einzeln aus</translation>
    </message>
    <message>
        <source>run this step in a terminal: %1</source>
        <translation>führen Sie diesen Schritt in einem Terminal aus: %1</translation>
    </message>
    <message>
        <source>run this line in a terminal: %1</source>
        <translation>führen Sie diese Zeile in einem Terminal aus: %1</translation>
    </message>
    <message>
        <source>line %1 leaves the shell that line %2 opens; run line %2 to run everything typed there</source>
        <translation>Zeile %1 verlässt die Shell, die Zeile %2 öffnet; führen Sie Zeile %2 aus, um alles auszuführen, was dort eingegeben wird</translation>
    </message>
    <message>
        <source>%1 is read again by %2, where a value must not start with &apos;-&apos;</source>
        <translation>%1 wird von %2 erneut gelesen; dort darf ein Wert nicht mit „-“ beginnen</translation>
    </message>
    <message>
        <source>%1 is read again by %2: only letters, digits and . _ - / : @ + are allowed there</source>
        <translation>%1 wird von %2 erneut gelesen: Dort sind nur Buchstaben, Ziffern und . _ - / : @ + erlaubt</translation>
    </message>
    <message>
        <source>%1 would be read as an option by `%2` (it starts with &apos;-&apos;)</source>
        <translation>%1 würde von `%2` als Option gelesen (der Wert beginnt mit „-“)</translation>
    </message>
    <message>
        <source>%1 stands outside quotes in this SQL, so its value may only be a number or a name (letters, digits, _ and dots)</source>
        <translation>%1 steht in diesem SQL außerhalb von Anführungszeichen, daher darf sein Wert nur eine Zahl oder ein Name sein (Buchstaben, Ziffern, _ und Punkte)</translation>
    </message>
    <message>
        <source>%1 stands in quotes that psql passes no variables into (E&apos;…&apos;, $$…$$), so only letters, digits and . _ - / : @ + are allowed there</source>
        <translation>%1 steht in Anführungszeichen, in die psql keine Variablen einsetzt (E&apos;…&apos;, $$…$$), daher sind dort nur Buchstaben, Ziffern und . _ - / : @ + erlaubt</translation>
    </message>
    <message>
        <source>the value of %1 looks secret, but here it would be written into the command, where ps on the host shows it; use it outside a quoted here-document</source>
        <translation>der Wert von %1 sieht geheim aus, würde hier aber in den Befehl geschrieben, wo ps auf dem Host ihn zeigt; verwenden Sie ihn außerhalb eines Here-Documents, dessen Begrenzer in Anführungszeichen steht</translation>
    </message>
</context>
<context>
    <name>SqlRisk</name>
    <message>
        <source>`%1` ends other sessions</source>
        <translation>`%1` beendet andere Sitzungen</translation>
    </message>
    <message>
        <source>`%1` drops replication state</source>
        <translation>`%1` löscht Replikationszustand</translation>
    </message>
    <message>
        <source>`%1` deletes large objects</source>
        <translation>`%1` löscht Large Objects</translation>
    </message>
    <message>
        <source>`%1` deletes a file on the database server</source>
        <translation>`%1` löscht eine Datei auf dem Datenbankserver</translation>
    </message>
    <message>
        <source>`%1` cancels other sessions&apos; queries</source>
        <translation>`%1` bricht Abfragen anderer Sitzungen ab</translation>
    </message>
    <message>
        <source>`%1` changes a setting</source>
        <translation>`%1` ändert eine Einstellung</translation>
    </message>
    <message>
        <source>`%1` changes a sequence</source>
        <translation>`%1` ändert eine Sequenz</translation>
    </message>
    <message>
        <source>`%1` takes or releases an advisory lock</source>
        <translation>`%1` setzt oder löst eine Advisory-Sperre</translation>
    </message>
    <message>
        <source>`%1` changes large objects</source>
        <translation>`%1` ändert Large Objects</translation>
    </message>
    <message>
        <source>`%1` runs SQL on another database</source>
        <translation>`%1` führt SQL auf einer anderen Datenbank aus</translation>
    </message>
    <message>
        <source>`%1` resets statistics</source>
        <translation>`%1` setzt Statistiken zurück</translation>
    </message>
    <message>
        <source>`%1` signals other sessions</source>
        <translation>`%1` benachrichtigt andere Sitzungen</translation>
    </message>
    <message>
        <source>`%1` writes a file on the database server</source>
        <translation>`%1` schreibt eine Datei auf dem Datenbankserver</translation>
    </message>
    <message>
        <source>`%1` changes the state of the database server</source>
        <translation>`%1` ändert den Zustand des Datenbankservers</translation>
    </message>
    <message>
        <source>`%1` changes replication state</source>
        <translation>`%1` ändert Replikationszustand</translation>
    </message>
    <message>
        <source>`%1` only reads</source>
        <translation>`%1` liest nur</translation>
    </message>
    <message>
        <source>`%1` changes no data by itself</source>
        <translation>`%1` ändert selbst keine Daten</translation>
    </message>
    <message>
        <source>`%1` drops database objects</source>
        <translation>`%1` löscht Datenbankobjekte</translation>
    </message>
    <message>
        <source>`%1` empties tables</source>
        <translation>`%1` leert Tabellen</translation>
    </message>
    <message>
        <source>`%1` creates database objects</source>
        <translation>`%1` legt Datenbankobjekte an</translation>
    </message>
    <message>
        <source>`%1` changes database objects</source>
        <translation>`%1` ändert Datenbankobjekte</translation>
    </message>
    <message>
        <source>`%1` changes privileges</source>
        <translation>`%1` ändert Berechtigungen</translation>
    </message>
    <message>
        <source>`%1` changes settings of this session</source>
        <translation>`%1` ändert Einstellungen dieser Sitzung</translation>
    </message>
    <message>
        <source>`%1` does maintenance that writes to the database</source>
        <translation>`%1` wartet die Datenbank und schreibt dabei in sie</translation>
    </message>
    <message>
        <source>`%1` locks tables against other sessions</source>
        <translation>`%1` sperrt Tabellen für andere Sitzungen</translation>
    </message>
    <message>
        <source>`%1` runs a procedure</source>
        <translation>`%1` führt eine Prozedur aus</translation>
    </message>
    <message>
        <source>`%1` runs a shell command</source>
        <translation>`%1` führt einen Shell-Befehl aus</translation>
    </message>
    <message>
        <source>`%1` runs the results of the query as SQL</source>
        <translation>`%1` führt die Ergebnisse der Abfrage als SQL aus</translation>
    </message>
    <message>
        <source>`%1` writes a file</source>
        <translation>`%1` schreibt eine Datei</translation>
    </message>
    <message>
        <source>`%1` changes a password</source>
        <translation>`%1` ändert ein Passwort</translation>
    </message>
    <message>
        <source>`%1` runs the SQL in another file</source>
        <translation>`%1` führt das SQL einer anderen Datei aus</translation>
    </message>
    <message>
        <source>`%1` opens an editor</source>
        <translation>`%1` öffnet einen Editor</translation>
    </message>
    <message>
        <source>`%1` changes psql&apos;s environment</source>
        <translation>`%1` ändert die Umgebung von psql</translation>
    </message>
    <message>
        <source>`%1` is not SQL</source>
        <translation>`%1` ist kein SQL</translation>
    </message>
    <message>
        <source>`%1` is not a known statement</source>
        <translation>`%1` ist keine bekannte Anweisung</translation>
    </message>
    <message>
        <source>`%1` keeps or ends a prepared transaction</source>
        <translation>`%1` bewahrt oder beendet eine vorbereitete Transaktion</translation>
    </message>
    <message>
        <source>`%1` adds rows</source>
        <translation>`%1` fügt Zeilen hinzu</translation>
    </message>
    <message>
        <source>`%1` changes rows</source>
        <translation>`%1` ändert Zeilen</translation>
    </message>
    <message>
        <source>`%1` deletes rows</source>
        <translation>`%1` löscht Zeilen</translation>
    </message>
    <message>
        <source>`%1` creates a table</source>
        <translation>`%1` legt eine Tabelle an</translation>
    </message>
    <message>
        <source>`%1` locks rows</source>
        <translation>`%1` sperrt Zeilen</translation>
    </message>
    <message>
        <source>`%1` only shows the plan</source>
        <translation>`%1` zeigt nur den Plan</translation>
    </message>
    <message>
        <source>`EXPLAIN ANALYZE` runs the statement: %1</source>
        <translation>`EXPLAIN ANALYZE` führt die Anweisung aus: %1</translation>
    </message>
    <message>
        <source>`%1` changes the server&apos;s configuration</source>
        <translation>`%1` ändert die Konfiguration des Servers</translation>
    </message>
    <message>
        <source>`%1` drops a column and its data</source>
        <translation>`%1` löscht eine Spalte samt ihren Daten</translation>
    </message>
    <message>
        <source>`%1` runs a block of code</source>
        <translation>`%1` führt einen Codeblock aus</translation>
    </message>
    <message>
        <source>`%1` runs code in a language this check cannot read</source>
        <translation>`%1` führt Code in einer Sprache aus, die diese Prüfung nicht lesen kann</translation>
    </message>
    <message>
        <source>`%1` runs a shell command on the database server</source>
        <translation>`%1` führt einen Shell-Befehl auf dem Datenbankserver aus</translation>
    </message>
    <message>
        <source>`%1` in a `DO` block runs SQL made while it runs</source>
        <translation>`%1` in einem `DO`-Block führt SQL aus, das erst zur Laufzeit entsteht</translation>
    </message>
    <message>
        <source>`%1` runs a prepared statement that is not in this text</source>
        <translation>`%1` führt eine vorbereitete Anweisung aus, die nicht in diesem Text steht</translation>
    </message>
    <message>
        <source>`%1` runs the prepared statement: %2</source>
        <translation>`%1` führt die vorbereitete Anweisung aus: %2</translation>
    </message>
    <message>
        <source>`%1` is pasted into the SQL as raw text</source>
        <translation>`%1` wird als roher Text in das SQL eingesetzt</translation>
    </message>
    <message>
        <source>`%1` is not known to be read-only</source>
        <translation>`%1` ist nicht als nur lesend bekannt</translation>
    </message>
    <message>
        <source>Backquotes in `%1` run a shell command</source>
        <translation>Backquotes in `%1` führen einen Shell-Befehl aus</translation>
    </message>
    <message>
        <source>`%1` writes to a file or command named by a variable</source>
        <translation>`%1` schreibt in eine Datei oder einen Befehl, den eine Variable angibt</translation>
    </message>
    <message>
        <source>`%1` is not a known psql command</source>
        <translation>`%1` ist kein bekannter psql-Befehl</translation>
    </message>
    <message>
        <source>The string at line %1, column %2 is not closed</source>
        <translation>Die Zeichenkette in Zeile %1, Spalte %2 ist nicht geschlossen</translation>
    </message>
    <message>
        <source>The quoted name at line %1, column %2 is not closed</source>
        <translation>Der Name in Anführungszeichen in Zeile %1, Spalte %2 ist nicht geschlossen</translation>
    </message>
    <message>
        <source>The comment at line %1, column %2 is not closed</source>
        <translation>Der Kommentar in Zeile %1, Spalte %2 ist nicht geschlossen</translation>
    </message>
    <message>
        <source>The dollar-quoted text at line %1, column %2 is not closed</source>
        <translation>Der Text in Dollar-Quotes in Zeile %1, Spalte %2 ist nicht geschlossen</translation>
    </message>
</context>
<context>
    <name>SshConfig</name>
    <message>
        <source>it is a directory</source>
        <translation>es ist ein Verzeichnis</translation>
    </message>
    <message>
        <source>the file is too large (%1 MiB); an ssh configuration file may be at most %2 MiB</source>
        <translation>die Datei ist zu groß (%1 MiB); eine SSH-Konfigurationsdatei darf höchstens %2 MiB groß sein</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>expected a keyword before &apos;=&apos;</source>
        <translation>vor &apos;=&apos; wird ein Schlüsselwort erwartet</translation>
    </message>
    <message>
        <source>missing value after &apos;%1&apos;</source>
        <translation>fehlender Wert nach &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unterminated quote in the value of &apos;%1&apos;</source>
        <translation>nicht geschlossenes Anführungszeichen im Wert von &apos;%1&apos;</translation>
    </message>
    <message>
        <source>empty file name in &apos;%1&apos;</source>
        <translation>leerer Dateiname in &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes a single value; &apos;%2&apos; is one too many</source>
        <translation>&apos;%1&apos; nimmt nur einen Wert; &apos;%2&apos; ist einer zu viel</translation>
    </message>
    <message>
        <source>empty pattern in &apos;Host&apos;</source>
        <translation>leeres Muster in &apos;Host&apos;</translation>
    </message>
    <message>
        <source>empty file name in &apos;Include&apos;</source>
        <translation>leerer Dateiname in &apos;Include&apos;</translation>
    </message>
    <message>
        <source>Include nested more than %1 levels deep; &apos;%2&apos; is not read</source>
        <translation>Include mehr als %1 Ebenen tief verschachtelt; &apos;%2&apos; wird nicht gelesen</translation>
    </message>
    <message>
        <source>the included file &apos;%1&apos; does not exist</source>
        <translation>die eingebundene Datei &apos;%1&apos; existiert nicht</translation>
    </message>
    <message>
        <source>Include loop: &apos;%1&apos; is already being read</source>
        <translation>Include-Schleife: &apos;%1&apos; wird bereits gelesen</translation>
    </message>
    <message>
        <source>too many included files (at most %1); &apos;%2&apos; is not read</source>
        <translation>zu viele eingebundene Dateien (höchstens %1); &apos;%2&apos; wird nicht gelesen</translation>
    </message>
    <message>
        <source>cannot read the included file &apos;%1&apos;: %2</source>
        <translation>die eingebundene Datei &apos;%1&apos; kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>&apos;%&apos; at the end of the value of &apos;%1&apos;; write &apos;%%&apos; for a percent sign</source>
        <translation>&apos;%&apos; am Ende des Werts von &apos;%1&apos;; schreiben Sie &apos;%%&apos; für ein Prozentzeichen</translation>
    </message>
    <message>
        <source>OpsDeck does not expand &apos;%%1&apos; in &apos;%2&apos;; it is left as it is</source>
        <translation>OpsDeck ersetzt &apos;%%1&apos; in &apos;%2&apos; nicht; es bleibt unverändert</translation>
    </message>
    <message>
        <source>unknown token &apos;%%1&apos; in the value of &apos;%2&apos;</source>
        <translation>unbekanntes Kürzel &apos;%%1&apos; im Wert von &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be %2, found &apos;%3&apos;</source>
        <translation>&apos;%1&apos; muss %2 sein, gefunden: &apos;%3&apos;</translation>
    </message>
    <message>
        <source>a port number from 1 to 65535</source>
        <translation>eine Portnummer von 1 bis 65535</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>yes oder no</translation>
    </message>
    <message>
        <source>a time such as 30, 30s, 5m or 1h30m</source>
        <translation>eine Zeit wie 30, 30s, 5m oder 1h30m</translation>
    </message>
    <message>
        <source>one of yes, no, ask, accept-new, off</source>
        <translation>einer der Werte yes, no, ask, accept-new, off</translation>
    </message>
    <message>
        <source>invalid hop &apos;%1&apos; in &apos;ProxyJump&apos;; expected [user@]host[:port]</source>
        <translation>ungültiger Sprung &apos;%1&apos; in &apos;ProxyJump&apos;; erwartet wird [user@]host[:port]</translation>
    </message>
    <message>
        <source>unknown Match criterion &apos;%1&apos;</source>
        <translation>unbekanntes Match-Kriterium &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;Match %1&apos; needs a value</source>
        <translation>&apos;Match %1&apos; braucht einen Wert</translation>
    </message>
    <message>
        <source>&apos;Match all&apos; cannot be combined with other criteria</source>
        <translation>&apos;Match all&apos; lässt sich nicht mit anderen Kriterien kombinieren</translation>
    </message>
    <message>
        <source>OpsDeck does not evaluate &apos;Match %1&apos;; the block is ignored</source>
        <translation>OpsDeck wertet &apos;Match %1&apos; nicht aus; der Block wird übergangen</translation>
    </message>
    <message>
        <source>a single name without blanks or commas</source>
        <translation>ein einzelner Name ohne Leerzeichen oder Kommas</translation>
    </message>
    <message>
        <source>a name that does not start with @, |, ! or #</source>
        <translation>ein Name, der nicht mit @, |, ! oder # beginnt</translation>
    </message>
</context>
<context>
    <name>SshConfigImport</name>
    <message>
        <source>Hosts from your OpenSSH configuration; edit them there.</source>
        <translation>Hosts aus Ihrer OpenSSH-Konfiguration; bearbeiten Sie sie dort.</translation>
    </message>
</context>
<context>
    <name>TestRestore</name>
    <message>
        <source>creating the scratch database</source>
        <translation>lege die Wegwerf-Datenbank an</translation>
    </message>
    <message>
        <source>restoring</source>
        <translation>stelle wieder her</translation>
    </message>
    <message>
        <source>counting rows</source>
        <translation>zähle Zeilen</translation>
    </message>
    <message>
        <source>comparing with the source</source>
        <translation>vergleiche mit der Quelle</translation>
    </message>
    <message>
        <source>dropping the scratch database</source>
        <translation>lösche die Wegwerf-Datenbank</translation>
    </message>
    <message>
        <source>Only a database dump can be test-restored, not a %1</source>
        <translation>Nur ein Datenbank-Dump lässt sich testweise wiederherstellen, kein %1</translation>
    </message>
    <message>
        <source>The server of database %1 (%2:%3) does not take scratch databases: set `scratch-restores: true` on it in the workspace first</source>
        <translation>Der Server der Datenbank %1 (%2:%3) nimmt keine Wegwerf-Datenbanken an: setzen Sie zuerst `scratch-restores: true` im Arbeitsbereich</translation>
    </message>
    <message>
        <source>A plain SQL test restore needs the safety scan first: psql would run whatever meta-commands the file holds</source>
        <translation>Eine Test-Wiederherstellung aus reinem SQL braucht zuerst die Sicherheitsprüfung: psql würde alle Meta-Befehle der Datei ausführen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no scratch database name: it must start with %2 and hold only a-z, 0-9 and _</source>
        <translation>„%1“ ist kein Name einer Wegwerf-Datenbank: er muss mit %2 beginnen und darf nur a-z, 0-9 und _ enthalten</translation>
    </message>
    <message>
        <source>Internal error: &quot;%1&quot; is no scratch database name</source>
        <translation>Interner Fehler: „%1“ ist kein Name einer Wegwerf-Datenbank</translation>
    </message>
    <message>
        <source>The scratch database was not created (%1)</source>
        <translation>Die Wegwerf-Datenbank wurde nicht angelegt (%1)</translation>
    </message>
    <message>
        <source>createdb %1 failed: %2</source>
        <translation>createdb %1 schlug fehl: %2</translation>
    </message>
    <message>
        <source>The restore did not finish cleanly: %1</source>
        <translation>Die Wiederherstellung endete nicht sauber: %1</translation>
    </message>
    <message>
        <source>Counting rows failed: %1</source>
        <translation>Zeilenzählung schlug fehl: %1</translation>
    </message>
    <message>
        <source>The restored database has no tables</source>
        <translation>Die wiederhergestellte Datenbank hat keine Tabellen</translation>
    </message>
    <message numerus="yes">
        <source>Restored into %1 and dropped; %n biggest table(s) hold %2 rows</source>
        <translation>
            <numerusform>In %1 wiederhergestellt und gelöscht; die größte Tabelle hält %2 Zeilen</numerusform>
            <numerusform>In %1 wiederhergestellt und gelöscht; die %n größten Tabellen halten %2 Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not in the source</source>
        <translation>%1 ist nicht in der Quelle</translation>
    </message>
    <message>
        <source>%1: %2 restored, %3 in the source</source>
        <translation>%1: %2 wiederhergestellt, %3 in der Quelle</translation>
    </message>
    <message>
        <source>; row counts match the source</source>
        <translation>; Zeilenzahlen stimmen mit der Quelle überein</translation>
    </message>
    <message>
        <source> — restored empty: %1</source>
        <translation> — leer wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>No way to run commands on %1</source>
        <translation>Auf %1 können keine Befehle laufen</translation>
    </message>
    <message>
        <source>No safety gate: actions are off.</source>
        <translation>Keine Sicherheitsschranke: Aktionen sind abgeschaltet.</translation>
    </message>
    <message>
        <source>test restore of %1 into scratch database %2 on %3:%4</source>
        <translation>Test-Wiederherstellung von %1 in die Wegwerf-Datenbank %2 auf %3:%4</translation>
    </message>
    <message>
        <source>Cancelled before it started.</source>
        <translation>Abgebrochen, bevor es begann.</translation>
    </message>
    <message>
        <source>Backup test restore: %1 — %2</source>
        <translation>Test-Wiederherstellung einer Sicherung: %1 — %2</translation>
    </message>
    <message>
        <source>Backup test restore failed: %1 — %2</source>
        <translation>Test-Wiederherstellung einer Sicherung fehlgeschlagen: %1 — %2</translation>
    </message>
    <message>
        <source> The scratch database %1 could not be dropped (%2): drop it by hand.</source>
        <translation> Die Wegwerf-Datenbank %1 ließ sich nicht löschen (%2): löschen Sie sie von Hand.</translation>
    </message>
    <message>
        <source>Cancelled; </source>
        <translation>Abgebrochen; </translation>
    </message>
    <message>
        <source>; not compared with the source: %1</source>
        <translation>; nicht mit der Quelle verglichen: %1</translation>
    </message>
    <message>
        <source>; comparison cancelled</source>
        <translation>; Vergleich abgebrochen</translation>
    </message>
    <message>
        <source>; the source %1 could not be counted: %2</source>
        <translation>; die Quelle %1 ließ sich nicht zählen: %2</translation>
    </message>
    <message>
        <source>Not run: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
</context>
<context>
    <name>TimeCharts</name>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation>%1 TiB</translation>
    </message>
    <message>
        <source>%1 PiB</source>
        <translation>%1 PiB</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>&apos;%1&apos; needs its value after &apos;=&apos; (%1=VALUE)</source>
        <translation>&apos;%1&apos; braucht seinen Wert nach &apos;=&apos; (%1=VALUE)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a pg_dump option OpsDeck passes: only long options that choose what is dumped are allowed, not ones that set the file, the format or the connection</source>
        <translation>&apos;%1&apos; ist keine pg_dump-Option, die OpsDeck weitergibt: erlaubt sind nur lange Optionen, die wählen, was gesichert wird, nicht solche, die Datei, Format oder Verbindung festlegen</translation>
    </message>
</context>
<context>
    <name>WorkspaceLoader</name>
    <message>
        <source>the workspace</source>
        <translation>dem Arbeitsbereich</translation>
    </message>
    <message>
        <source>unsupported workspace version %1; this OpsDeck reads version 1</source>
        <translation>nicht unterstützte Arbeitsbereichsversion %1; dieses OpsDeck liest Version 1</translation>
    </message>
    <message>
        <source>the workspace has no &apos;environments&apos;</source>
        <translation>im Arbeitsbereich fehlt &apos;environments&apos;</translation>
    </message>
    <message>
        <source>environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>Kontakten</translation>
    </message>
    <message>
        <source>a contact</source>
        <translation>einem Kontakt</translation>
    </message>
    <message>
        <source>an environment</source>
        <translation>einer Umgebung</translation>
    </message>
    <message>
        <source>environment &apos;%1&apos;</source>
        <translation>Umgebung &apos;%1&apos;</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>a host</source>
        <translation>einem Host</translation>
    </message>
    <message>
        <source>host &apos;%1&apos;</source>
        <translation>Host &apos;%1&apos;</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>services</source>
        <translation>Diensten</translation>
    </message>
    <message>
        <source>databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>Redis instances</source>
        <translation>Redis-Instanzen</translation>
    </message>
    <message>
        <source>log sources</source>
        <translation>Protokollquellen</translation>
    </message>
    <message>
        <source>backup locations</source>
        <translation>Sicherungsorten</translation>
    </message>
    <message>
        <source>a service</source>
        <translation>einem Dienst</translation>
    </message>
    <message>
        <source>service &apos;%1&apos;</source>
        <translation>Dienst &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a database</source>
        <translation>einer Datenbank</translation>
    </message>
    <message>
        <source>database &apos;%1&apos;</source>
        <translation>Datenbank &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;sslmode&apos; must be one of %1; found &apos;%2&apos;</source>
        <translation>&apos;sslmode&apos; muss einer der Werte %1 sein; gefunden: &apos;%2&apos;</translation>
    </message>
    <message>
        <source>a Redis instance</source>
        <translation>einer Redis-Instanz</translation>
    </message>
    <message>
        <source>a log source</source>
        <translation>einer Protokollquelle</translation>
    </message>
    <message>
        <source>a backup location</source>
        <translation>einem Sicherungsort</translation>
    </message>
    <message>
        <source>&apos;thresholds&apos; must be a mapping from metric name to warning and critical levels, found %1</source>
        <translation>&apos;thresholds&apos; muss eine Zuordnung von Metriknamen zu Warn- und kritischen Stufen sein, gefunden: %1</translation>
    </message>
    <message>
        <source>threshold &apos;%1&apos; must be a mapping with &apos;warning&apos; and &apos;critical&apos;, found %2</source>
        <translation>Schwellenwert &apos;%1&apos; muss eine Zuordnung mit &apos;warning&apos; und &apos;critical&apos; sein, gefunden: %2</translation>
    </message>
    <message>
        <source>threshold &apos;%1&apos;</source>
        <translation>Schwellenwert &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;escalation&apos; must be a mapping from severity (SEV-1 to SEV-4) to a list of steps, found %1</source>
        <translation>&apos;escalation&apos; muss eine Zuordnung von Schweregrad (SEV-1 bis SEV-4) zu einer Liste von Schritten sein, gefunden: %1</translation>
    </message>
    <message>
        <source>unknown severity &apos;%1&apos;; expected one of %2</source>
        <translation>unbekannter Schweregrad &apos;%1&apos;; erwartet wird einer von %2</translation>
    </message>
    <message>
        <source>the escalation of %1 must be a list of steps with &apos;after&apos; and &apos;notify&apos;, found %2</source>
        <translation>die Eskalation für %1 muss eine Liste von Schritten mit &apos;after&apos; und &apos;notify&apos; sein, gefunden: %2</translation>
    </message>
    <message>
        <source>each escalation step must be a mapping with &apos;after&apos; and &apos;notify&apos;, found %1</source>
        <translation>jeder Eskalationsschritt muss eine Zuordnung mit &apos;after&apos; und &apos;notify&apos; sein, gefunden: %1</translation>
    </message>
    <message>
        <source>an escalation step</source>
        <translation>einem Eskalationsschritt</translation>
    </message>
    <message>
        <source>%1 name &apos;%2&apos; is already used at line %3</source>
        <translation>%1 &apos;%2&apos;: der Name wird bereits in Zeile %3 verwendet</translation>
    </message>
    <message>
        <source>host &apos;%1&apos; cannot be its own jump host</source>
        <translation>Host &apos;%1&apos; kann nicht sein eigener Sprunghost sein</translation>
    </message>
    <message>
        <source>jump hosts form a loop: %1</source>
        <translation>Sprunghosts bilden eine Schleife: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; in the %2 escalation matches no contact&apos;s name or role</source>
        <translation>&apos;%1&apos; in der Eskalation für %2 passt zu keinem Namen und keiner Rolle eines Kontakts</translation>
    </message>
    <message>
        <source>the file is too large (%1 MiB); a workspace file may be at most %2 MiB</source>
        <translation>die Datei ist zu groß (%1 MiB); eine Arbeitsbereichsdatei darf höchstens %2 MiB groß sein</translation>
    </message>
    <message>
        <source>the file is empty: expected a mapping with at least &apos;environments&apos;</source>
        <translation>die Datei ist leer: erwartet wird eine Zuordnung mit mindestens &apos;environments&apos;</translation>
    </message>
    <message>
        <source>expected a mapping with at least &apos;environments&apos; at the top of the file, found %1</source>
        <translation>am Anfang der Datei wird eine Zuordnung mit mindestens &apos;environments&apos; erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>die Datei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>&apos;warning&apos; (%1) of &apos;%2&apos; must not be above &apos;critical&apos; (%3): higher values are worse (direction: above)</source>
        <translation>&apos;warning&apos; (%1) von &apos;%2&apos; darf nicht über &apos;critical&apos; (%3) liegen: höhere Werte sind schlechter (direction: above)</translation>
    </message>
    <message>
        <source>&apos;warning&apos; (%1) of &apos;%2&apos; must not be below &apos;critical&apos; (%3): lower values are worse (direction: below)</source>
        <translation>&apos;warning&apos; (%1) von &apos;%2&apos; darf nicht unter &apos;critical&apos; (%3) liegen: niedrigere Werte sind schlechter (direction: below)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; refers to &apos;%2&apos;, which is not a host of this workspace</source>
        <translation>&apos;%1&apos; verweist auf &apos;%2&apos;, das kein Host dieses Arbeitsbereichs ist</translation>
    </message>
    <message>
        <source>&apos;templates&apos; must be a mapping from template name (%1) to its text, found %2</source>
        <translation>&apos;templates&apos; muss eine Zuordnung von Vorlagennamen (%1) zu ihrem Text sein, gefunden: %2</translation>
    </message>
    <message>
        <source>unknown template &apos;%1&apos;; expected one of %2</source>
        <translation>unbekannte Vorlage &apos;%1&apos;; erwartet wird eine von %2</translation>
    </message>
    <message>
        <source>the template &apos;%1&apos; has no text</source>
        <translation>die Vorlage &apos;%1&apos; hat keinen Text</translation>
    </message>
    <message>
        <source>the template &apos;%1&apos; must be a text value, found %2</source>
        <translation>die Vorlage &apos;%1&apos; muss ein Textwert sein, gefunden: %2</translation>
    </message>
    <message>
        <source>the database name is a libpq connection string that says where to connect (&apos;%1&apos;): the host must come from the tree (this database&apos;s &apos;host&apos; and &apos;port&apos;, and the host it belongs to), not from the database name</source>
        <translation>der Datenbankname ist eine libpq-Verbindungszeichenkette, die das Verbindungsziel angibt (&apos;%1&apos;): Der Host muss aus dem Baum kommen (&apos;host&apos; und &apos;port&apos; dieser Datenbank und der Host, zu dem sie gehört), nicht aus dem Datenbanknamen</translation>
    </message>
    <message>
        <source>the database name is a libpq connection string; write only the name (host, port, user and sslmode have keys of their own)</source>
        <translation>der Datenbankname ist eine libpq-Verbindungszeichenkette; schreiben Sie nur den Namen (host, port, user und sslmode haben eigene Schlüssel)</translation>
    </message>
    <message>
        <source>&apos;metrics&apos; must be true or false</source>
        <translation>&apos;metrics&apos; muss true oder false sein</translation>
    </message>
    <message>
        <source>&apos;tcp&apos; must be HOST:PORT with a port from 1 to 65535, found &apos;%1&apos;</source>
        <translation>&apos;tcp&apos; muss HOST:PORT mit einem Port von 1 bis 65535 sein, gefunden: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;containers&apos; must be true, false or a mapping</source>
        <translation>&apos;containers&apos; muss true, false oder eine Zuordnung sein</translation>
    </message>
    <message>
        <source>the containers settings</source>
        <translation>die Container-Einstellungen</translation>
    </message>
    <message>
        <source>&apos;runtimes&apos; may name %1; found &apos;%2&apos;</source>
        <translation>&apos;runtimes&apos; darf %1 nennen; gefunden: &apos;%2&apos;</translation>
    </message>
    <message>
        <source>a backup location needs &apos;directory&apos; (a folder on the host) or &apos;s3&apos; (an s3://bucket/prefix/ listed by the host&apos;s aws)</source>
        <translation>ein Sicherungsort braucht &apos;directory&apos; (einen Ordner auf dem Host) oder &apos;s3&apos; (ein s3://bucket/prefix/, das das aws des Hosts auflistet)</translation>
    </message>
    <message>
        <source>&apos;database&apos; must name one of this host&apos;s databases; &apos;%1&apos; is not among them</source>
        <translation>&apos;database&apos; muss eine Datenbank dieses Hosts nennen; &apos;%1&apos; ist keine davon</translation>
    </message>
    <message>
        <source>&apos;s3&apos; must be an s3://bucket/prefix/ URL, found &apos;%1&apos;</source>
        <translation>&apos;s3&apos; muss eine s3://bucket/prefix/-URL sein, gefunden: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a backup location has either &apos;directory&apos; or &apos;s3&apos;, not both</source>
        <translation>ein Sicherungsort hat entweder &apos;directory&apos; oder &apos;s3&apos;, nicht beides</translation>
    </message>
    <message>
        <source>&apos;critical-after&apos; (%1 s) must not be shorter than &apos;stale-after&apos; (%2 s)</source>
        <translation>&apos;critical-after&apos; (%1 s) darf nicht kürzer sein als &apos;stale-after&apos; (%2 s)</translation>
    </message>
</context>
<context>
    <name>YamlReader</name>
    <message>
        <source>duplicate key &apos;%1&apos; (first defined at line %2)</source>
        <translation>doppelter Schlüssel &apos;%1&apos; (zuerst definiert in Zeile %2)</translation>
    </message>
    <message>
        <source>unexpected &apos;:&apos;: expected a key aligned with the keys above it, or quotes around a value that contains &apos;: &apos;</source>
        <translation>unerwartetes &apos;:&apos;: erwartet wird ein Schlüssel, der an den Schlüsseln darüber ausgerichtet ist, oder Anführungszeichen um einen Wert, der &apos;: &apos; enthält</translation>
    </message>
    <message>
        <source>bad indentation: expected this line to line up with the keys or list entries above it</source>
        <translation>falsche Einrückung: diese Zeile muss an den Schlüsseln oder Listeneinträgen darüber ausgerichtet sein</translation>
    </message>
    <message>
        <source>unclosed &apos;[&apos;: expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>nicht geschlossenes &apos;[&apos;: erwartet wird &apos;,&apos; oder &apos;]&apos;</translation>
    </message>
    <message>
        <source>unclosed &apos;{&apos;: expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>nicht geschlossenes &apos;{&apos;: erwartet wird &apos;,&apos; oder &apos;}&apos;</translation>
    </message>
    <message>
        <source>the alias refers to an anchor that is not defined above it</source>
        <translation>der Alias verweist auf einen Anker, der nicht weiter oben definiert ist</translation>
    </message>
    <message>
        <source>YAML syntax error: %1</source>
        <translation>YAML-Syntaxfehler: %1</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>eine Zuordnung</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>binary data (byte 0x%1): a workspace file must be UTF-8 text</source>
        <translation>Binärdaten (Byte 0x%1): eine Arbeitsbereichsdatei muss UTF-8-Text sein</translation>
    </message>
    <message>
        <source>tab character in indentation: YAML indents with spaces only</source>
        <translation>Tabulatorzeichen in der Einrückung: YAML rückt nur mit Leerzeichen ein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a text value, found %2</source>
        <translation>&apos;%1&apos; muss ein Textwert sein, gefunden: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must not be empty</source>
        <translation>&apos;%1&apos; darf nicht leer sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a whole number from %2 to %3, found %4</source>
        <translation>&apos;%1&apos; muss eine ganze Zahl von %2 bis %3 sein, gefunden: %4</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a number, found %2</source>
        <translation>&apos;%1&apos; muss eine Zahl sein, gefunden: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an http:// or https:// URL, found &apos;%2&apos;</source>
        <translation>&apos;%1&apos; muss eine http://- oder https://-URL sein, gefunden: &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a list such as [a, b], found %2</source>
        <translation>&apos;%1&apos; muss eine Liste wie [a, b] sein, gefunden: %2</translation>
    </message>
    <message>
        <source>each entry of &apos;%1&apos; must be a text value, found %2</source>
        <translation>jeder Eintrag von &apos;%1&apos; muss ein Textwert sein, gefunden: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds a plain-text secret; store it in the system keychain and write &apos;keychain:&lt;entry name&gt;&apos; here instead</source>
        <translation>&apos;%1&apos; enthält ein Geheimnis im Klartext; speichern Sie es im Schlüsselbund des Systems und schreiben Sie stattdessen &apos;keychain:&lt;entry name&gt;&apos; hierher</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a duration such as 0, 15m, 1h or 1d; found &apos;%2&apos;</source>
        <translation>&apos;%1&apos; muss eine Dauer wie 0, 15m, 1h oder 1d sein; gefunden: &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a list of %2, found %3</source>
        <translation>&apos;%1&apos; muss eine Liste von %2 sein, gefunden: %3</translation>
    </message>
    <message>
        <source>each entry of &apos;%1&apos; must be a mapping with at least &apos;name&apos;, found %2</source>
        <translation>jeder Eintrag von &apos;%1&apos; muss eine Zuordnung mit mindestens &apos;name&apos; sein, gefunden: %2</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; in %2; expected one of: %3</source>
        <translation>unbekannter Schlüssel &apos;%1&apos; in %2; erwartet wird einer von: %3</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; in %2; did you mean &apos;%3&apos;?</source>
        <translation>unbekannter Schlüssel &apos;%1&apos; in %2; meinten Sie &apos;%3&apos;?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no value</source>
        <translation>&apos;%1&apos; hat keinen Wert</translation>
    </message>
    <message>
        <source>%1 has no &apos;%2&apos;</source>
        <translation>in %1 fehlt &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be one of %2; found &apos;%3&apos;</source>
        <translation>&apos;%1&apos; muss einer der Werte %2 sein; gefunden: &apos;%3&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a URL starting with %2 and naming a host, found &apos;%3&apos;</source>
        <translation>&apos;%1&apos; muss eine URL sein, die mit %2 beginnt und einen Host nennt, gefunden: &apos;%3&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an interval from %2 s to %3 s such as 30s, 5m, 1h or 2d; found &apos;%4&apos;</source>
        <translation>&apos;%1&apos; muss ein Intervall von %2 s bis %3 s sein, etwa 30s, 5m, 1h oder 2d; gefunden: &apos;%4&apos;</translation>
    </message>
</context>
<context>
    <name>YamlTextEdit</name>
    <message>
        <source>the list entry to edit no longer exists</source>
        <translation>der zu bearbeitende Listeneintrag existiert nicht mehr</translation>
    </message>
    <message>
        <source>the key &apos;%1&apos; to edit no longer exists</source>
        <translation>der zu bearbeitende Schlüssel &apos;%1&apos; existiert nicht mehr</translation>
    </message>
    <message>
        <source>line %1 is not a block mapping that can be edited in place</source>
        <translation>Zeile %1 ist keine Block-Zuordnung, die direkt bearbeitet werden kann</translation>
    </message>
    <message>
        <source>the path must end with a key</source>
        <translation>der Pfad muss mit einem Schlüssel enden</translation>
    </message>
    <message>
        <source>cannot find the end of the list at line %1</source>
        <translation>das Ende der Liste in Zeile %1 wurde nicht gefunden</translation>
    </message>
    <message>
        <source>the value at line %1 spans several lines; edit it in the file itself</source>
        <translation>der Wert in Zeile %1 erstreckt sich über mehrere Zeilen; bearbeiten Sie ihn direkt in der Datei</translation>
    </message>
    <message>
        <source>the edit of line %1 could not be made without changing other lines; edit the file itself</source>
        <translation>die Änderung in Zeile %1 ist nicht möglich, ohne andere Zeilen zu ändern; bearbeiten Sie die Datei direkt</translation>
    </message>
    <message>
        <source>the new value &apos;%1&apos; is not valid YAML here</source>
        <translation>der neue Wert &apos;%1&apos; ist an dieser Stelle kein gültiges YAML</translation>
    </message>
    <message>
        <source>the path must end with a key and the entry must not be empty</source>
        <translation>der Pfad muss mit einem Schlüssel enden und der Eintrag darf nicht leer sein</translation>
    </message>
    <message>
        <source>&apos;%1&apos; at line %2 is not a block list; add the entry in the file itself</source>
        <translation>&apos;%1&apos; in Zeile %2 ist keine Block-Liste; fügen Sie den Eintrag direkt in der Datei hinzu</translation>
    </message>
    <message>
        <source>the entry could not be added without changing other lines; edit the file itself</source>
        <translation>der Eintrag kann nicht hinzugefügt werden, ohne andere Zeilen zu ändern; bearbeiten Sie die Datei direkt</translation>
    </message>
    <message>
        <source>the new entry is not valid YAML here</source>
        <translation>der neue Eintrag ist an dieser Stelle kein gültiges YAML</translation>
    </message>
    <message>
        <source>the file cannot be parsed at line %1: %2</source>
        <translation>die Datei kann in Zeile %1 nicht gelesen werden: %2</translation>
    </message>
</context>
</TS>
