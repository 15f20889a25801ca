// SPDX-License-Identifier: GPL-3.0-or-later
// Runbooks as teams really write them (tests/data/runbooks/wild/): placeholders in capitals and
// with spaces, output fenced as shell, prompts, exec-into-pod steps, follow commands, lost
// fences and typographic quotes. Each file is read as its hand counts say.
#include "models/runbooks/runbookparser.h"
#include "models/runbooks/stepscript.h"
#include "testfiles.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QString wildDirectory()
{
    return QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks/wild/");
}

// Where the blocks that stream, that are for a terminal, and the switches whose lines run
// inside, start (file lines); and each warning as "line:column" (0: the whole line).
struct Facts {
    QList<int> streams;
    QList<int> terminal;
    QList<int> runInside;
    QStringList warnings;
};

Facts factsOf(const Runbook &runbook)
{
    Facts facts;
    for (const RunbookSection &section : runbook.sections) {
        for (const RunbookBlock &block : section.blocks) {
            if (!block.streams.isEmpty())
                facts.streams.append(block.line);
            if (block.isTerminalOnly())
                facts.terminal.append(block.line);
            for (const RunbookContextSwitch &contextSwitch : block.contextSwitches) {
                if (contextSwitch.runsInside)
                    facts.runInside.append(block.fileLineOf(contextSwitch.line));
            }
        }
    }
    for (const Diagnostic &diagnostic : runbook.diagnostics)
        facts.warnings.append(u"%1:%2"_s.arg(diagnostic.line).arg(diagnostic.column));
    return facts;
}

// The files handCounts_data() has a row for (handCounts() checks that its row is listed).
const QStringList &countedFiles()
{
    static const QStringList files = {u"k8s-pod-crashloop.md"_s,   u"disk-full.md"_s,
                                      u"certificate-expiry.md"_s,  u"postgres-replication-lag.md"_s,
                                      u"redis-memory.md"_s,        u"node-notready.md"_s,
                                      u"dns-failure.md"_s,         u"http-5xx-spike.md"_s,
                                      u"queue-backlog.md"_s,       u"high-cpu-jvm.md"_s,
                                      u"memory-oom.md"_s,          u"deploy-rollback.md"_s,
                                      u"nginx-reload.md"_s,        u"mysql-slow-queries.md"_s,
                                      u"backup-failure.md"_s,      u"etcd-slow.md"_s,
                                      u"service-down-session.md"_s};
    return files;
}

} // namespace

class TestWildRunbooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFileHasHandCounts();
    void handCounts_data();
    void handCounts();
    void json_data();
    void json();
    void placeholders_data();
    void placeholders();
    void fences_data();
    void fences();
    void lookAlikes_data();
    void lookAlikes();
    void lookAlikesAreCappedPerBlock();
    void fenceProblems_data();
    void fenceProblems();
    void stepsPrepareToValidShell_data();
    void stepsPrepareToValidShell();
};

void TestWildRunbooks::handCounts_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("sections");
    QTest::addColumn<int>("runnable");   // command and SQL steps, those for a terminal included
    QTest::addColumn<int>("references"); // shown with Copy, never run
    QTest::addColumn<int>("outputs");    // expected output (console output, output-only fences)
    QTest::addColumn<int>("checks");
    QTest::addColumn<QStringList>("placeholders");
    QTest::addColumn<QList<int>>("streams");
    QTest::addColumn<QList<int>>("terminal");
    QTest::addColumn<QList<int>>("runInside");
    QTest::addColumn<QStringList>("warnings");

    // Counted from the files, not from the parser. Sections are the headings outside fences
    // (setext ones included); a fence's kind is decided by its info string and its text as
    // the README's import rules say.
    //
    // Alert runbook. Fences: get pods (<NAMESPACE>), the table after "Output:" (output),
    // describe (<POD_NAME>), the `Name: value` lines fenced as sh (output), logs --previous,
    // logs -f (streams, 51), exec -it … -- /bin/sh with two lines and exit (run inside, 59),
    // rollout undo/status (<DEPLOYMENT>). Two task items.
    QTest::addRow("k8s-pod-crashloop")
        << u"k8s-pod-crashloop.md"_s << 5 << 6 << 0 << 2 << 2
        << QStringList{u"<NAMESPACE>"_s, u"<POD_NAME>"_s, u"<DEPLOYMENT>"_s} << QList<int>{51}
        << QList<int>{} << QList<int>{59} << QStringList{};
    // Team wiki, setext headings. console `$ df -h` (step + output); bash with `$ ` prompt
    // (step with [mount point] + output); bash with root's `# du …` prompt (step + output);
    // ncdu (full-screen: terminal, 33); journalctl --vacuum; find with ‘*.log’ (two
    // typographic quotes, 47:26 and 47:32); lsof; the lsof line after "You should see something
    // like:" (output: a table row, though it starts with "nginx"); docker system df/prune.
    QTest::addRow("disk-full") << u"disk-full.md"_s << 5 << 8 << 0 << 4 << 2
                               << QStringList{u"[mount point]"_s} << QList<int>{} << QList<int>{33}
                               << QList<int>{} << QStringList{u"47:26"_s, u"47:32"_s};
    // Front matter. openssl s_client (<domain name> twice, `Shell` fence); notBefore/notAfter
    // after "Expected output:" (output); cert-manager get/describe ({{ cert_name }},
    // {{ namespace }}, bare templates); get certificate -w (streams, 35); cmctl renew; openssl
    // on <domain name>.pem; docker ps with quoted Go templates (no placeholders).
    QTest::addRow("certificate-expiry")
        << u"certificate-expiry.md"_s << 4 << 6 << 0 << 1 << 2
        << QStringList{u"<domain name>"_s, u"{{ cert_name }}"_s, u"{{ namespace }}"_s}
        << QList<int>{35} << QList<int>{} << QList<int>{} << QStringList{};
    // psql -c on <primary host>; the psql result as ```text (reference); sudo -i -u postgres
    // with a line after it (terminal, 23); psql on <replica host> with statements and \q
    // (terminal, 30); the sql block; iostat -x 5 (streams: an interval, no count, 50) with sar
    // 1 3; tail -F (streams, 57); pg_cancel_backend(<pid>) in sql. Two task items.
    QTest::addRow("postgres-replication-lag")
        << u"postgres-replication-lag.md"_s << 4 << 7 << 1 << 0 << 2
        << QStringList{u"<primary host>"_s, u"<replica host>"_s, u"<pid>"_s} << QList<int>{50, 57}
        << QList<int>{23, 30} << QList<int>{} << QStringList{};
    // console: `$ kubectl exec -it redis-0 … -- redis-cli`, then `127.0.0.1:6379> INFO memory`
    // and `… exit` gathered into one step for a terminal (9), its printout one output;
    // redis-cli INFO (<REDIS_HOST>, $REDIS_PASSWORD unassigned); --bigkeys; the summary after
    // "Sample response:" (output); --stat (streams, 41); MONITOR | head (ends after 100 lines);
    // CONFIG SET; exec -it … -- sh with two lines (run inside, 59).
    QTest::addRow("redis-memory") << u"redis-memory.md"_s << 5 << 7 << 0 << 2 << 0
                                  << QStringList{u"<REDIS_HOST>"_s, u"$REDIS_PASSWORD"_s}
                                  << QList<int>{41} << QList<int>{9} << QList<int>{59}
                                  << QStringList{};
    // describe node <name of the failing node>; the untyped Conditions table (reference);
    // ssh -J ops@<BASTION> ec2-user@<NODE_IP> with three lines and exit (run inside, 31); ssh …
    // journalctl -f (the carried command streams, 41); oc debug node/… with chroot and two
    // lines (terminal, 47); drain; delete node.
    QTest::addRow("node-notready")
        << u"node-notready.md"_s << 7 << 6 << 1 << 0 << 0
        << QStringList{u"<name of the failing node>"_s, u"<BASTION>"_s, u"<NODE_IP>"_s}
        << QList<int>{41} << QList<int>{47} << QList<int>{31} << QStringList{};
    // `cmd` fence (two kubectl lines); kubectl run -it --rm … -- sh with nslookup lines
    // (terminal, 17; [service name] and [namespace] stay placeholders inside); the answer
    // after "You should see:" (output); dig (<DNS_SERVER>, <hostname>); ping without -c
    // (streams, 43); rollout restart/status. `- [ ]` and `- [x]`.
    QTest::addRow("dns-failure") << u"dns-failure.md"_s << 5 << 5 << 0 << 1 << 2
                                 << QStringList{u"[service name]"_s, u"[namespace]"_s,
                                                u"<DNS_SERVER>"_s, u"<hostname>"_s}
                                 << QList<int>{43} << QList<int>{17} << QList<int>{}
                                 << QStringList{};
    // logs | awk | wc; logs -f | awk (streams, 20); {{ namespace }}/{{ service }} logs; curl;
    // "503 0.004211" after "Example output:" (output); tail -f | grep (streams, 44); rollout
    // history + helm history; rollout undo with a zero width space after it (57:61).
    QTest::addRow("http-5xx-spike")
        << u"http-5xx-spike.md"_s << 4 << 7 << 0 << 1 << 0
        << QStringList{u"{{ namespace }}"_s, u"{{ service }}"_s} << QList<int>{20, 44}
        << QList<int>{} << QList<int>{} << QStringList{u"57:61"_s};
    // shell-session: `$ sudo rabbitmqctl …` (step) and its box table (output); get/scale
    // (<REPLICAS>); watch (streams, 26); kafka-consumer-groups.sh (<BROKER>,
    // <CONSUMER_GROUP>); its GROUP TOPIC … table (output); while true … done (streams, 44);
    // kafka-console-consumer.sh (streams, 53). Two task items.
    QTest::addRow("queue-backlog")
        << u"queue-backlog.md"_s << 3 << 6 << 0 << 2 << 2
        << QStringList{u"<REPLICAS>"_s, u"<BROKER>"_s, u"<CONSUMER_GROUP>"_s}
        << QList<int>{26, 44, 53} << QList<int>{} << QList<int>{} << QStringList{};
    // htop (terminal, 8); top -b -n 1 (ends); top -d 2 (streams, 20); docker stats (streams,
    // 26); docker exec -it <container> bash with three lines (run inside, 35; $PID is the
    // container's); docker cp; docker exec … jstat -gcutil 1 1000 (interval without count:
    // streams, 50); the jstat table (output).
    QTest::addRow("high-cpu-jvm") << u"high-cpu-jvm.md"_s << 4 << 7 << 0 << 1 << 1
                                  << QStringList{u"<container>"_s} << QList<int>{20, 26, 50}
                                  << QList<int>{8} << QList<int>{35} << QStringList{};
    // dmesg; the kernel lines fenced as bash (output); kubectl top (<namespace>); its table
    // (output); free + vmstat 1 5; vmstat 1 (streams, 35); set resources with two
    // non-breaking hyphens (41:62, 41:63).
    QTest::addRow("memory-oom") << u"memory-oom.md"_s << 4 << 5 << 0 << 2 << 0
                                << QStringList{u"<namespace>"_s, u"<deployment>"_s}
                                << QList<int>{35} << QList<int>{} << QList<int>{}
                                << QStringList{u"41:62"_s, u"41:63"_s};
    // The ``` at line 9 closed two kubectl lines whose opening fence was lost: Markdown opens
    // a block there that takes the prose and the ```bash line up to line 15 (an untyped
    // reference, [REVISION] in it not asked for); warned at 9. Then rollout status/get pods
    // and set image ([NAMESPACE], [DEPLOYMENT], [GOOD_TAG]).
    QTest::addRow("deploy-rollback")
        << u"deploy-rollback.md"_s << 4 << 2 << 1 << 0 << 2
        << QStringList{u"[NAMESPACE]"_s, u"[DEPLOYMENT]"_s, u"[GOOD_TAG]"_s} << QList<int>{}
        << QList<int>{} << QList<int>{} << QStringList{u"9:0"_s};
    // sudo vi (editor: terminal, 6); nginx -t; a console fence without prompts (output);
    // reload + status; the fence at 31 is never closed and swallows "## Roll back" and
    // "## Contacts" (warned at 31), so four sections and the tail is one command block.
    QTest::addRow("nginx-reload") << u"nginx-reload.md"_s << 5 << 4 << 0 << 1 << 0 << QStringList{}
                                  << QList<int>{} << QList<int>{6} << QList<int>{}
                                  << QStringList{u"31:0"_s};
    // mysql -e (<MYSQL_HOST>); the +----+ table after "Example output:" (output); mysql -p with
    // statements and quit (terminal, 21); KILL <thread id> in sql; mysqldumpslow + tail -f
    // (streams, 36); the slow log as ```text (reference).
    QTest::addRow("mysql-slow-queries")
        << u"mysql-slow-queries.md"_s << 4 << 4 << 1 << 1 << 1
        << QStringList{u"<MYSQL_HOST>"_s, u"<thread id>"_s} << QList<int>{36} << QList<int>{21}
        << QList<int>{} << QStringList{};
    // ssh backup@<backup host> with two lines and exit (run inside, 9); the ls -l lines
    // (output); tail -F (streams, 25); sudo su - postgres with pg_dump (terminal, 31);
    // sha256sum + ssh with “…” (39:26, 39:74); the restore test.
    QTest::addRow("backup-failure")
        << u"backup-failure.md"_s << 4 << 5 << 0 << 1 << 2 << QStringList{u"<backup host>"_s}
        << QList<int>{25} << QList<int>{31} << QList<int>{9} << QStringList{u"39:26"_s, u"39:74"_s};
    // Info strings: {.bash}, "sh " (a trailing space; $ENDPOINTS unassigned), BASH, "shell
    // script" and zsh are shell; output, yaml, json and log are references. iostat -xz 1 10
    // ends.
    QTest::addRow("etcd-slow") << u"etcd-slow.md"_s << 4 << 5 << 4 << 0 << 0
                               << QStringList{u"$ENDPOINTS"_s} << QList<int>{} << QList<int>{}
                               << QList<int>{} << QStringList{};
    // An untyped fence with [root@app-3 ~]# prompts: three steps, two outputs. A console with
    // ops@laptop:~$ prompts: exec -it … -- sh, then the `/app $` commands up to exit gathered
    // into one step that runs inside (18) and their printout as one output; get endpoints and
    // its table. A bash fence with `$ ` prompts: two steps, one output.
    QTest::addRow("service-down-session")
        << u"service-down-session.md"_s << 4 << 7 << 0 << 5 << 1 << QStringList{} << QList<int>{}
        << QList<int>{} << QList<int>{18} << QStringList{};
}

void TestWildRunbooks::everyFileHasHandCounts()
{
    const QStringList files = QDir(wildDirectory()).entryList({u"*.md"_s}, QDir::Files);
    QVERIFY2(files.size() >= 15, "the wild corpus has at least 15 runbooks");
    for (const QString &file : files)
        QVERIFY2(countedFiles().contains(file), qPrintable(file + u" has no hand counts"_s));
}

void TestWildRunbooks::handCounts()
{
    QFETCH(QString, file);
    QFETCH(int, sections);
    QFETCH(int, runnable);
    QFETCH(int, references);
    QFETCH(int, outputs);
    QFETCH(int, checks);
    QFETCH(QStringList, placeholders);
    QFETCH(QList<int>, streams);
    QFETCH(QList<int>, terminal);
    QFETCH(QList<int>, runInside);
    QFETCH(QStringList, warnings);

    QVERIFY(countedFiles().contains(file));
    const Runbook runbook = parseRunbook(readFile(wildDirectory() + file), file);
    QVERIFY(!hasErrors(runbook.diagnostics));
    const RunbookCounts counts = countRunbook(runbook);
    QCOMPARE(counts.sections, sections);
    QCOMPARE(counts.runnable, runnable);
    QCOMPARE(counts.references, references);
    QCOMPARE(counts.outputs, outputs);
    QCOMPARE(counts.checks, checks);
    QCOMPARE(counts.placeholders, placeholders);
    const Facts facts = factsOf(runbook);
    QCOMPARE(facts.streams, streams);
    QCOMPARE(facts.terminal, terminal);
    QCOMPARE(facts.runInside, runInside);
    QCOMPARE(facts.warnings, warnings);
    QCOMPARE(counts.streaming, int(streams.size()));
    QCOMPARE(counts.terminalOnly, int(terminal.size()));
    QCOMPARE(counts.warnings, int(warnings.size()));
    // Every warning says where, and the card of the block it is in says it too.
    for (const Diagnostic &diagnostic : runbook.diagnostics) {
        QCOMPARE(diagnostic.file, file);
        QVERIFY(diagnostic.line > 0);
    }
    for (const RunbookSection &section : runbook.sections) {
        for (const RunbookBlock &block : section.blocks) {
            QVERIFY(block.line >= section.line);
            if (!block.isRunnable())
                QVERIFY(block.contextSwitches.isEmpty() && block.streams.isEmpty());
        }
    }
}

void TestWildRunbooks::json_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line"); // of the block looked at
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value"); // as JSON text
    QTest::addRow("streams") << u"k8s-pod-crashloop.md"_s << 51 << u"streams"_s << u"true"_s;
    QTest::addRow("terminal") << u"high-cpu-jvm.md"_s << 8 << u"terminalOnly"_s << u"true"_s;
    QTest::addRow("runs inside")
        << u"k8s-pod-crashloop.md"_s << 59 << u"contextSwitches"_s
        << uR"([{"command":"kubectl exec -it","description":"kubectl exec -it opens a shell in the container; the 2 line(s) after it run there, as 'kubectl exec <POD_NAME> -n <NAMESPACE> -- /bin/sh -c '…''","lastLine":62,"line":59,"runsAs":"kubectl exec <POD_NAME> -n <NAMESPACE> -- /bin/sh -c","runsInside":true}])"_s;
    QTest::addRow("warnings")
        << u"memory-oom.md"_s << 41 << u"warnings"_s
        << uR"(["line 41, column 62: NON-BREAKING HYPHEN (U+2011) that looks like '-' and is not","line 41, column 63: NON-BREAKING HYPHEN (U+2011) that looks like '-' and is not"])"_s;
}

// What `opsdeck runbook show FILE --json` prints for a block (toJson is what it prints).
void TestWildRunbooks::json()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, key);
    QFETCH(QString, value);
    const QJsonObject object = toJson(parseRunbook(readFile(wildDirectory() + file), file));
    QJsonObject found;
    for (const QJsonValue &section : object[u"sections"_s].toArray()) {
        for (const QJsonValue &block : section[u"blocks"_s].toArray()) {
            if (block[u"line"_s].toInt() == line && block[u"kind"_s].toString() != u"prose")
                found = block.toObject();
        }
    }
    QVERIFY2(!found.isEmpty(), "no such block");
    const QJsonValue actual = found.value(key);
    const QByteArray written = actual.isArray()
                                   ? QJsonDocument(actual.toArray()).toJson(QJsonDocument::Compact)
                                   : QByteArray(actual.toBool() ? "true" : "false");
    QCOMPARE(QString::fromUtf8(written), value);
    const QJsonObject counts = object[u"counts"_s].toObject();
    QVERIFY(counts.contains(u"streaming"_s) && counts.contains(u"terminalOnly"_s) &&
            counts.contains(u"warnings"_s));
}

void TestWildRunbooks::placeholders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("capitals") << u"kubectl get pods -n <NAMESPACE>"_s
                              << QStringList{u"<NAMESPACE>"_s};
    QTest::addRow("mixed case, dots") << u"ssh <Node.Name> -p <port-Number>"_s
                                      << QStringList{u"<Node.Name>"_s, u"<port-Number>"_s};
    QTest::addRow("spaces") << u"kubectl cordon <name of the failing node>"_s
                            << QStringList{u"<name of the failing node>"_s};
    QTest::addRow("brackets in capitals") << u"kubectl delete pod [POD_ID] -n [Name Space]"_s
                                          << QStringList{u"[POD_ID]"_s, u"[Name Space]"_s};
    QTest::addRow("in double quotes")
        << u"echo \"deploying <SERVICE>\""_s << QStringList{u"<SERVICE>"_s};
    QTest::addRow("bare template")
        << u"kubectl rollout restart deploy/{{ service }}"_s << QStringList{u"{{ service }}"_s};
    QTest::addRow("quoted templates are the tool's")
        << u"docker ps --format '{{.Names}}'; ansible all -a \"echo {{ inventory_hostname }}\""_s
        << QStringList{};
    QTest::addRow("${VAR} is shell: asked only when nothing sets it")
        << u"echo ${SERVICE} $SERVICE_PORT\nSERVICE=x\necho ${SERVICE}"_s
        << QStringList{u"$SERVICE"_s, u"$SERVICE_PORT"_s};
    QTest::addRow("quoted HTML and XML")
        << u"echo '<div>' \"<b>x</b>\" '<a href=\"x\">' '<Config><Name>x</Name></Config>'"_s
        << QStringList{};
    QTest::addRow("here-documents and strings")
        << u"cat <<EOF\nx\nEOF\ncat <<-END\n\tEND\ngrep x <<<\"$$\""_s << QStringList{};
    QTest::addRow("process substitution and descriptors")
        << u"diff <(sort a) >(tee b) 2>&1 >/dev/null"_s << QStringList{};
    QTest::addRow("redirections that look like tags")
        << u"sort <in.txt >out.txt; sort <in 2>err; cat <x>&2; tr a b <in.txt>out.txt"_s
        << QStringList{};
    QTest::addRow("what programs print")
        << u"kubectl get svc | grep '<none>'; echo '<nil>'"_s << QStringList{};
    QTest::addRow("globs and character classes")
        << u"grep -E '[Ee]rror|[Ww]arn' x; ls /dev/sd[ab]; grep '[ERROR]' app.log"_s
        << QStringList{};
    QTest::addRow("a link in a comment and an echo")
        << u"echo see [the docs](https://x)"_s << QStringList{};
    QTest::addRow("the lines typed in a pod keep their own variables")
        << u"kubectl exec -it <POD> -- sh\nredis-cli -a $REDIS_PASSWORD info\nexit\necho $AFTER"_s
        << QStringList{u"<POD>"_s, u"$AFTER"_s};
}

// A block's placeholders as the parser lists them (inside a ```bash fence).
void TestWildRunbooks::placeholders()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const Runbook runbook = parseRunbook("# T\n\n```bash\n" + text.toUtf8() + "\n```\n", u"t.md"_s);
    QCOMPARE(runbook.sections.constFirst().blocks.size(), 1);
    QCOMPARE(runbook.sections.constFirst().blocks.constFirst().placeholders, expected);
}

void TestWildRunbooks::fences_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("kinds"); // runbookBlockKindName of each block but prose

    const QStringList command{u"command"_s};
    const QStringList reference{u"reference"_s};
    const QStringList output{u"output"_s};
    for (const char *info :
         {"bash", "sh", "sh ", "shell", "Shell", "BASH", "zsh", "cmd", "terminal", "shell-session",
          "shell script", "{.bash}", "bash title=\"x\""}) {
        QTest::addRow("%s is shell", info)
            << u"```%1\nsystemctl status nginx\n```"_s.arg(QString::fromUtf8(info)) << command;
    }
    for (const char *info : {"yaml", "json", "text", "output", "log", "promql", "ini"}) {
        QTest::addRow("%s is a reference", info)
            << u"```%1\nsystemctl status nginx\n```"_s.arg(QString::fromUtf8(info)) << reference;
    }
    QTest::addRow("after Output:") << u"Output:\n\n```bash\nactive (running)\n```"_s << output;
    QTest::addRow("after Example output (truncated):")
        << u"**Example output (truncated):**\n\n```sh\nok\n```"_s << output;
    QTest::addRow("after You should see:") << u"You should see:\n\n```bash\nPONG\n```"_s << output;
    QTest::addRow("after \"Check the output:\", a command")
        << u"Check the output:\n\n```bash\nkubectl get pods\n```"_s << command;
    QTest::addRow("a table") << u"```bash\nNAME   READY   STATUS\nweb-1  1/1     Running\n```"_s
                             << output;
    QTest::addRow("Name: value lines")
        << u"```shell\nName:         web-1\nNamespace:    shop\nStatus:       Running\n```"_s
        << output;
    QTest::addRow("log lines") << u"```bash\n2026-03-03T10:00:00Z ERROR boom\n[INFO] started\n```"_s
                               << output;
    QTest::addRow("unknown command, no output signs")
        << u"```bash\npatroni-ctl-x list\n```"_s << command;
    QTest::addRow("a pipeline into a known command")
        << u"```bash\nsomething-new status | grep -v ok\n```"_s << command;
    QTest::addRow("prompts in a bash fence")
        << u"```bash\n$ uptime\n 10:00:01 up 3 days\n$ whoami\nroot\n```"_s
        << QStringList{u"command"_s, u"output"_s, u"command"_s, u"output"_s};
    QTest::addRow("root's prompt before output")
        << u"```bash\n# df -h /\n/dev/sda1  50G  48G  2G  97% /\n```"_s
        << QStringList{u"command"_s, u"output"_s};
    QTest::addRow("comments in a script are no prompts")
        << u"```bash\n# Check the disk\ndf -h /\n```"_s << command;
    QTest::addRow("user@host prompts, untyped")
        << u"```\ndeploy@web-1:~$ systemctl is-active app\nactive\n```"_s
        << QStringList{u"command"_s, u"output"_s};
    QTest::addRow("a session into a pod")
        << u"```console\n$ kubectl exec -it web-0 -- sh\n/ # ls /data\nx.db\n/ # exit\n$ date\n```"_s
        << QStringList{u"command"_s, u"output"_s, u"command"_s};
}

void TestWildRunbooks::fences()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, kinds);
    const Runbook runbook = parseRunbook("# T\n\n" + markdown.toUtf8() + "\n", u"t.md"_s);
    QStringList found;
    for (const RunbookBlock &block : runbook.sections.constFirst().blocks) {
        if (block.kind != RunbookBlock::Prose)
            found.append(runbookBlockKindName(block.kind));
    }
    QCOMPARE(found, kinds);
}

void TestWildRunbooks::lookAlikes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("warnings"); // "line:column U+XXXX"

    QTest::addRow("en dash as an option")
        << u"kubectl get pods \u2013n web"_s << u"bash"_s << QStringList{u"4:18 U+2013"_s};
    QTest::addRow("em dash before a dash")
        << u"ls \u2014-all"_s << u"bash"_s << QStringList{u"4:4 U+2014"_s};
    QTest::addRow("a dash in prose text is fine")
        << u"echo 'a \u2013 b' # restart \u2014 carefully\necho a \u2013 b"_s << u"bash"_s
        << QStringList{};
    QTest::addRow("non-breaking hyphen anywhere")
        << u"kubectl -n kube\u2011system get pods"_s << u"bash"_s << QStringList{u"4:16 U+2011"_s};
    QTest::addRow("typographic quotes") << u"grep \u201Cerror\u201D app.log"_s << u"sh"_s
                                        << QStringList{u"4:6 U+201C"_s, u"4:12 U+201D"_s};
    QTest::addRow("an apostrophe in a word, quotes in quotes")
        << u"echo don\u2019t 'it\u2019s' \"\u201Cquoted\u201D\""_s << u"bash"_s << QStringList{};
    QTest::addRow("no-break space and zero width")
        << u"systemctl\u00A0status nginx\u200B"_s << u"bash"_s
        << QStringList{u"4:10 U+00A0"_s, u"4:23 U+200B"_s};
    QTest::addRow("the second line") << u"uptime\nkubectl logs \u2013\u2013since=1h x"_s
                                     << u"bash"_s << QStringList{u"5:14 U+2013"_s};
    QTest::addRow("sql: in strings and comments fine, outside not")
        << u"SELECT '\u2018x\u2019' -- \u201Cy\u201D\nFROM t WHERE a = \u2018b\u2019;"_s << u"sql"_s
        << QStringList{u"5:18 U+2018"_s, u"5:20 U+2019"_s};
    QTest::addRow("a fence under a list item counts the file's columns")
        << u"LIST"_s << u"bash"_s << QStringList{u"5:21 U+2013"_s};
}

void TestWildRunbooks::lookAlikes()
{
    QFETCH(QString, code);
    QFETCH(QString, language);
    QFETCH(QStringList, warnings);
    QByteArray markdown = "# T\n\n```" + language.toUtf8() + "\n" + code.toUtf8() + "\n```\n";
    if (code == u"LIST")
        markdown = "# T\n\n1. Check:\n   ```bash\n   kubectl get pods \xE2\x80\x93n web\n   ```\n";
    const Runbook runbook = parseRunbook(markdown, u"t.md"_s);
    QStringList found;
    for (const Diagnostic &diagnostic : runbook.diagnostics) {
        const qsizetype at = diagnostic.message.indexOf(u"U+"_s);
        found.append(u"%1:%2 %3"_s.arg(diagnostic.line)
                         .arg(diagnostic.column)
                         .arg(diagnostic.message.mid(at, 6)));
    }
    QCOMPARE(found, warnings);
    // The block's card lists the same warnings.
    for (const RunbookSection &section : runbook.sections) {
        for (const RunbookBlock &block : section.blocks) {
            if (block.isRunnable())
                QCOMPARE(block.warnings.size(), warnings.size());
        }
    }
}

// A block pasted from a word processor: the first twenty, then how many more.
void TestWildRunbooks::lookAlikesAreCappedPerBlock()
{
    QString code;
    for (int i = 0; i < 30; ++i)
        code += u"echo\u00A0%1\n"_s.arg(i);
    const Runbook runbook = parseRunbook("# T\n\n```bash\n" + code.toUtf8() + "```\n", u"t.md"_s);
    QCOMPARE(runbook.diagnostics.size(), 21);
    QCOMPARE(runbook.diagnostics.at(19).line, 23);
    QCOMPARE(runbook.diagnostics.at(19).column, 5);
    QCOMPARE(runbook.diagnostics.at(20).line, 24);
    QCOMPARE(runbook.diagnostics.at(20).message,
             u"and 10 more look-alike character(s) in this block"_s);
    QCOMPARE(runbook.sections.constFirst().blocks.constFirst().warnings.size(), 21);
}

void TestWildRunbooks::fenceProblems_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QList<int>>("lines"); // of the warnings
    QTest::addColumn<QString>("says");

    QTest::addRow("balanced") << u"# T\n\n```bash\nls\n```\n\n```\ntext\n```\n"_s << QList<int>{}
                              << QString();
    QTest::addRow("a closing fence without its opening one")
        << u"# T\n\nkubectl get pods\n```\n\nThen look at the logs.\n\n```bash\nkubectl logs x\n```\n"_s
        << QList<int>{4} << u"opening fence was lost"_s;
    QTest::addRow("a block interrupted by another opening fence")
        << u"# T\n\n```bash\nls\n\n```bash\ndf -h\n```\n"_s << QList<int>{6}
        << u"closing fence seems to be missing"_s;
    QTest::addRow("never closed, headings swallowed")
        << u"# T\n\n```bash\nls\n\n## Next\n\ntext\n"_s << QList<int>{3}
        << u"the headings at lines 6 included"_s;
    QTest::addRow("never closed") << u"# T\n\n```bash\nls\n"_s << QList<int>{3}
                                  << u"never closed"_s;
    QTest::addRow("tildes and longer fences")
        << u"# T\n\n~~~bash\nls\n```\n~~~\n\n````\n```\nx\n````\n"_s << QList<int>{} << QString();
}

void TestWildRunbooks::fenceProblems()
{
    QFETCH(QString, markdown);
    QFETCH(QList<int>, lines);
    QFETCH(QString, says);
    const Runbook runbook = parseRunbook(markdown.toUtf8(), u"t.md"_s);
    QList<int> found;
    for (const Diagnostic &diagnostic : runbook.diagnostics) {
        found.append(diagnostic.line);
        QVERIFY2(diagnostic.message.contains(says), qPrintable(diagnostic.message));
    }
    QCOMPARE(found, lines);
}

void TestWildRunbooks::stepsPrepareToValidShell_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &file : countedFiles())
        QTest::addRow("%s", qPrintable(file)) << file;
}

// Every shell step of the corpus, whole, with a hostile value for each placeholder: what runs
// is a script bash accepts (lines typed in another shell are one quoted argument of it), and a
// step for a terminal still shows its command for Copy.
void TestWildRunbooks::stepsPrepareToValidShell()
{
    QFETCH(QString, file);
    const Runbook runbook = parseRunbook(readFile(wildDirectory() + file), file);
    StepInputs inputs;
    inputs.target = u"web-1"_s;
    inputs.markerToken = "7e57";
    for (const QString &placeholder : countRunbook(runbook).placeholders)
        inputs.values.insert(placeholder, u"it's \"$(id)\" `w` ;|&"_s);
    QSet<QString> assigned;
    for (const RunbookSection &section : runbook.sections) {
        for (const RunbookBlock &block : section.blocks) {
            if (block.kind == RunbookBlock::Command)
                findPlaceholders(block.text, &assigned);
        }
    }
    for (const QString &name : std::as_const(assigned))
        inputs.variables.insert(name, u"carried"_s);
    for (const RunbookSection &section : runbook.sections) {
        for (const RunbookBlock &block : section.blocks) {
            if (block.kind != RunbookBlock::Command)
                continue;
            const PreparedStep prepared = prepareStep(block, Workspace(), inputs);
            const QString where = u"%1:%2"_s.arg(file).arg(block.line);
            if (block.isTerminalOnly()) {
                QVERIFY2(prepared.terminalOnly && !prepared.canRun(), qPrintable(where));
                QVERIFY(!prepared.shownCommand.isEmpty());
                continue;
            }
            QVERIFY2(prepared.canRun(), qPrintable(where + u": "_s + prepared.error));
            QProcess bash;
            bash.start(u"bash"_s, {u"-n"_s, u"-c"_s, prepared.request.argv.value(2)});
            QVERIFY(bash.waitForFinished(10000));
            QVERIFY2(bash.exitCode() == 0,
                     qPrintable(where + u": "_s + QString::fromUtf8(bash.readAllStandardError())));
        }
    }
}

QTEST_GUILESS_MAIN(TestWildRunbooks)
#include "tst_wildrunbooks.moc"
