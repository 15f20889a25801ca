// SPDX-License-Identifier: GPL-3.0-or-later
// What a runbook command does to the step that runs it: ends, streams until stopped, opens a
// shell the next lines are typed in, or needs a terminal; and how those lines run inside it.
#include "models/runbooks/commandbehaviour.h"
#include "models/runbooks/runbookparser.h"

#include <QProcess>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(OpsDeck::CommandBehaviour::Kind)

namespace {

using Kind = CommandBehaviour::Kind;

CommandBehaviour behaviourOf(const QString &command)
{
    const ShellLexResult lexed = lexShell(command);
    const QList<ShellCommandWords> commands = topLevelCommands(lexed);
    CommandBehaviour strongest;
    for (const ShellCommandWords &words : commands) {
        const CommandBehaviour behaviour = commandBehaviour(command, words);
        if (int(behaviour.kind) > int(strongest.kind))
            strongest = behaviour;
    }
    return strongest;
}

} // namespace

class TestCommandBehaviour : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commands_data();
    void commands();
    void simpleCommands();
    void blocks_data();
    void blocks();
    void composedScriptsParse();
};

void TestCommandBehaviour::commands_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("what");      // the command as the card names it
    QTest::addColumn<QString>("runInside"); // OpensShell: what runs the lines typed after it

    const auto ends = [](const char *name, const QString &command) {
        QTest::newRow(name) << command << Kind::Ends << QString() << QString();
    };
    const auto streams = [](const char *name, const QString &command, const QString &what) {
        QTest::newRow(name) << command << Kind::Streams << what << QString();
    };
    const auto terminal = [](const char *name, const QString &command, const QString &what) {
        QTest::newRow(name) << command << Kind::NeedsTerminal << what << QString();
    };
    const auto shell = [](const char *name, const QString &command, const QString &what,
                          const QString &runInside) {
        QTest::newRow(name) << command << Kind::OpensShell << what << runInside;
    };

    // Never-ending commands
    streams("tail -f", u"tail -f /var/log/syslog"_s, u"tail -f"_s);
    streams("tail -fn100", u"tail -fn100 app.log"_s, u"tail -f"_s);
    streams("tail -n 50 -F", u"sudo tail -n 50 -F /var/log/x.log"_s, u"tail -f"_s);
    streams("tail --follow=name", u"tail --follow=name x"_s, u"tail -f"_s);
    ends("tail -n", u"tail -n 100 /var/log/syslog"_s);
    streams("journalctl -fu", u"journalctl -fu nginx"_s, u"journalctl -f"_s);
    streams("journalctl --follow", u"journalctl -u kubelet --follow"_s, u"journalctl -f"_s);
    ends("journalctl -xeu", u"journalctl -xeu nginx --no-pager"_s);
    streams("kubectl logs -f", u"kubectl logs -f deploy/api -n web"_s, u"kubectl logs -f"_s);
    streams("kubectl logs --follow", u"kubectl -n web logs api-0 --follow --tail=10"_s,
            u"kubectl logs -f"_s);
    ends("kubectl logs --previous", u"kubectl logs api-0 --previous"_s);
    streams("kubectl get -w", u"kubectl get pods -n web -w"_s, u"kubectl get --watch"_s);
    streams("oc get --watch", u"oc get pods --watch"_s, u"oc get --watch"_s);
    ends("kubectl get -o wide", u"kubectl get pods -o wide"_s);
    streams("port-forward", u"kubectl port-forward svc/api 8080:80"_s, u"kubectl port-forward"_s);
    streams("docker logs -f", u"docker logs -f --tail 20 web"_s, u"docker logs -f"_s);
    streams("docker stats", u"docker stats"_s, u"docker stats"_s);
    ends("docker stats --no-stream", u"docker stats --no-stream"_s);
    streams("compose logs -f", u"docker compose -f prod.yml logs -f app"_s,
            u"docker compose logs -f"_s);
    streams("docker-compose up", u"docker-compose up"_s, u"docker-compose up"_s);
    ends("docker-compose up -d", u"docker-compose up -d"_s);
    streams("watch", u"watch -n 2 'kubectl get pods'"_s, u"watch"_s);
    streams("top", u"top"_s, u"top"_s);
    streams("top -b without -n", u"top -b"_s, u"top"_s);
    ends("top -bn1", u"top -bn1 | head -20"_s);
    ends("top -b -n 1", u"top -b -n 1"_s);
    streams("ping", u"ping 10.0.0.1"_s, u"ping"_s);
    ends("ping -c", u"ping -c 3 10.0.0.1"_s);
    ends("ping -c3", u"ping -c3 10.0.0.1"_s);
    ends("ping -w", u"ping -w 5 10.0.0.1"_s);
    streams("vmstat 1", u"vmstat 1"_s, u"vmstat 1"_s);
    ends("vmstat 1 5", u"vmstat 1 5"_s);
    streams("tcpdump", u"sudo tcpdump -nn -i any port 53"_s, u"tcpdump"_s);
    ends("tcpdump -c", u"sudo tcpdump -c 100 -i eth0"_s);
    streams("redis-cli MONITOR", u"redis-cli -h cache MONITOR"_s, u"redis-cli MONITOR"_s);
    streams("redis-cli --stat", u"redis-cli --stat"_s, u"redis-cli --stat"_s);
    streams("dmesg -w", u"dmesg -wT"_s, u"dmesg -w"_s);
    streams("ssh -N tunnel", u"ssh -N -L 5432:db:5432 bastion"_s, u"ssh -N"_s);
    streams("carried by ssh", u"ssh web-1 tail -f /var/log/app.log"_s, u"tail -f"_s);
    streams("carried by kubectl exec", u"kubectl exec api-0 -- tail -f /tmp/log"_s, u"tail -f"_s);
    streams("carried by sh -c", u"sh -c 'journalctl -f'"_s, u"journalctl -f"_s);
    ends("timeout ends it", u"timeout 30 tail -f x.log"_s);

    // Shells the next lines are typed in
    shell("kubectl exec -it sh", u"kubectl exec -it api-0 -n web -- sh"_s, u"kubectl exec -it"_s,
          u"kubectl exec api-0 -n web -- sh -c"_s);
    shell("kubectl exec -ti bash -l", u"kubectl -n web exec -ti api-0 -c app -- bash -l"_s,
          u"kubectl exec -it"_s, u"kubectl -n web exec api-0 -c app -- bash -l -c"_s);
    shell("kubectl exec --stdin --tty", u"kubectl exec --stdin --tty api-0 -- /bin/bash"_s,
          u"kubectl exec -it"_s, u"kubectl exec api-0 -- /bin/bash -c"_s);
    shell("oc exec", u"oc exec -it api-0 -- sh"_s, u"oc exec -it"_s, u"oc exec api-0 -- sh -c"_s);
    shell("docker exec", u"docker exec -it web bash"_s, u"docker exec -it"_s,
          u"docker exec web bash -c"_s);
    shell("podman exec -i -t", u"podman exec -i -t -u root web sh"_s, u"podman exec -it"_s,
          u"podman exec -u root web sh -c"_s);
    shell("docker compose exec", u"docker compose exec app sh"_s, u"docker compose exec"_s,
          u"docker compose exec -T app sh -c"_s);
    shell("docker-compose exec -T", u"docker-compose -f prod.yml exec -T db bash"_s,
          u"docker-compose exec"_s, u"docker-compose -f prod.yml exec -T db bash -c"_s);
    shell("ssh host", u"ssh -p 2222 ops@db-1"_s, u"ssh ops@db-1"_s, u"ssh -p 2222 ops@db-1"_s);
    shell("ssh -t host", u"ssh -t -J bastion db-1"_s, u"ssh db-1"_s, u"ssh -J bastion db-1"_s);
    shell("chroot", u"chroot /host"_s, u"chroot /host"_s, u"chroot /host sh -c"_s);
    ends("kubectl exec with a command", u"kubectl exec -it api-0 -- cat /etc/hosts"_s);
    ends("docker exec sh -c", u"docker exec -it web sh -c 'ls /app'"_s);
    ends("shell fed a file", u"kubectl exec -i api-0 -- sh < fix.sh"_s);
    ends("ssh with a command", u"ssh db-1 uptime"_s);

    // Interactive programs
    terminal("psql", u"psql -h db -U postgres"_s, u"psql"_s);
    terminal("psql url", u"psql $DATABASE_URL"_s, u"psql"_s);
    ends("psql -c", u"psql -U app -c 'SELECT 1'"_s);
    ends("psql -Atc", u"psql -Atc 'SELECT 1'"_s);
    ends("psql -f", u"psql -f fix.sql"_s);
    ends("psql fed a file", u"psql app < dump.sql"_s);
    ends("psql in a pipe", u"echo 'SELECT 1' | psql app"_s);
    ends("psql with a here-document", u"psql app <<'SQL'\nSELECT 1;\nSQL"_s);
    terminal("sudo -u postgres psql", u"sudo -u postgres psql"_s, u"sudo psql"_s);
    terminal("mysql -p", u"mysql -u root -p"_s, u"mysql"_s);
    ends("mysql -e", u"mysql -u root -e 'SHOW PROCESSLIST'"_s);
    terminal("redis-cli", u"redis-cli -h cache -p 6380"_s, u"redis-cli"_s);
    ends("redis-cli INFO", u"redis-cli -h cache INFO memory"_s);
    ends("redis-cli --bigkeys", u"redis-cli --bigkeys"_s);
    terminal("mongosh", u"mongosh mongodb://db:27017"_s, u"mongosh"_s);
    ends("mongosh --eval", u"mongosh --eval 'db.stats()'"_s);
    terminal("kubectl exec psql", u"kubectl exec -it db-0 -- psql -U postgres"_s,
             u"kubectl exec -it psql"_s);
    terminal("docker exec redis-cli", u"docker exec -it cache redis-cli"_s,
             u"docker exec -it redis-cli"_s);
    terminal("oc rsh", u"oc rsh api-0"_s, u"oc rsh"_s);
    ends("oc rsh with a command", u"oc rsh api-0 ls /tmp"_s);
    terminal("oc debug node", u"oc debug node/worker-3"_s, u"oc debug"_s);
    terminal("kubectl debug -it", u"kubectl debug -it node/worker-3 --image=busybox"_s,
             u"kubectl debug -it"_s);
    terminal("kubectl run -it", u"kubectl run tmp --rm -i --tty --image=busybox -- sh"_s,
             u"kubectl run -it"_s);
    terminal("docker run -it", u"docker run -it --rm alpine sh"_s, u"docker run -it"_s);
    ends("docker run -d", u"docker run -d --name web nginx"_s);
    terminal("sudo -i", u"sudo -i"_s, u"sudo -i"_s);
    terminal("sudo -iu", u"sudo -iu postgres"_s, u"sudo -i"_s);
    terminal("sudo su -", u"sudo su -"_s, u"sudo su -"_s);
    terminal("su - postgres", u"su - postgres"_s, u"su -"_s);
    ends("su -c", u"su - postgres -c 'pg_lsclusters'"_s);
    ends("sudo with a command", u"sudo -i systemctl restart nginx"_s);
    terminal("vi", u"sudo vi /etc/hosts"_s, u"sudo vi"_s);
    terminal("kubectl edit", u"kubectl edit deploy/api"_s, u"kubectl edit"_s);
    terminal("crontab -e", u"crontab -e"_s, u"crontab -e"_s);
    terminal("htop", u"htop"_s, u"htop"_s);
    terminal("ssh carrying an interactive program", u"ssh db-1 psql"_s, u"ssh psql"_s);
    terminal("ssh into a shell in a pod", u"ssh bastion kubectl exec -it x -- sh"_s,
             u"ssh kubectl exec -it"_s);

    // Ordinary commands
    ends("kubectl get", u"kubectl get pods -A"_s);
    ends("less in a pipe", u"journalctl -u x | less"_s);
    ends("systemctl status", u"systemctl status nginx --no-pager"_s);
}

void TestCommandBehaviour::commands()
{
    QFETCH(QString, command);
    QFETCH(Kind, kind);
    QFETCH(QString, what);
    QFETCH(QString, runInside);
    const CommandBehaviour behaviour = behaviourOf(command);
    QCOMPARE(behaviour.kind, kind);
    QCOMPARE(behaviour.what, what);
    QCOMPARE(behaviour.runInside, runInside);
    // What the card says: the command named, and why.
    if (kind != Kind::Ends)
        QVERIFY2(behaviour.reason.startsWith(what), qPrintable(behaviour.reason));
}

void TestCommandBehaviour::simpleCommands()
{
    const QString text = u"A=1 sudo du -sh /var | sort -rh | head\n"
                         "while true; do kubectl get pods; sleep 5; done\n"
                         "cat <<EOF\nbody\nEOF\nif [ -f x ]; then rm x; fi # comment"_s;
    const QList<ShellCommandWords> commands = topLevelCommands(lexShell(text));
    QStringList words;
    for (const ShellCommandWords &command : commands)
        words.append(command.words.join(u' '));
    QCOMPARE(words, (QStringList{u"sudo du -sh /var"_s, u"sort -rh"_s, u"head"_s, u"true"_s,
                                 u"kubectl get pods"_s, u"sleep 5"_s, u"cat"_s, u"[ -f x ]"_s,
                                 u"rm x"_s}));
    QVERIFY(commands[0].pipesOut && !commands[0].stdinRedirected);
    QVERIFY(commands[1].stdinRedirected); // piped into
    QCOMPARE(commands[3].keyword, u"while"_s);
    QVERIFY(commands[4].inCompound);
    QVERIFY(commands[6].stdinRedirected); // the here-document
    QCOMPARE(commands[6].firstLine, 2);
    QVERIFY(!commands[7].lastOnLine && commands[8].lastOnLine);
    QCOMPARE(commands[8].firstLine, 5);
}

void TestCommandBehaviour::blocks_data()
{
    QTest::addColumn<QString>("text");
    // One entry per context switch: "line-lastLine:inside" or "line-lastLine:terminal".
    QTest::addColumn<QStringList>("switches");
    QTest::addColumn<bool>("streams");
    QTest::addColumn<QString>("outer"); // composeRunInside(): what runs around the scripts
    QTest::addColumn<QStringList>("scripts");

    QTest::addRow("exec, lines, exit, more")
        << u"kubectl exec -it api-0 -- sh\nls /data\n\ndf -h\nexit\nkubectl get pods"_s
        << QStringList{u"0-4:inside"_s} << false
        << u"kubectl exec api-0 -- sh -c __opsdeck_script_0__\nkubectl get pods"_s
        << QStringList{u"ls /data\n\ndf -h"_s};
    QTest::addRow("ssh to the end, the inner line streams")
        << u"echo before\nssh ops@db-1\nsudo tail -f /var/log/pg.log"_s
        << QStringList{u"1-2:inside"_s} << true
        << u"echo before\nssh ops@db-1 __opsdeck_script_0__"_s
        << QStringList{u"sudo tail -f /var/log/pg.log"_s};
    QTest::addRow("two shells")
        << u"docker exec -it a sh\nid\nexit\ndocker exec -it b sh\nuptime\nexit"_s
        << QStringList{u"0-2:inside"_s, u"3-5:inside"_s} << false
        << u"docker exec a sh -c __opsdeck_script_0__\ndocker exec b sh -c __opsdeck_script_1__"_s
        << QStringList{u"id"_s, u"uptime"_s};
    QTest::addRow("a shell with nothing typed in it")
        << u"kubectl get pods\nkubectl exec -it api-0 -- bash"_s << QStringList{u"1-1:terminal"_s}
        << false << u"kubectl get pods\nkubectl exec -it api-0 -- bash"_s << QStringList{};
    QTest::addRow("psql and its statements")
        << u"psql -h db\nSELECT 1;\n\\q\necho done"_s << QStringList{u"0-2:terminal"_s} << false
        << u"psql -h db\nSELECT 1;\n\\q\necho done"_s << QStringList{};
    QTest::addRow("oc debug, chroot inside")
        << u"oc debug node/w-1\nchroot /host\nsystemctl status kubelet"_s
        << QStringList{u"0-2:terminal"_s} << false
        << u"oc debug node/w-1\nchroot /host\nsystemctl status kubelet"_s << QStringList{};
    QTest::addRow("ssh, then a shell in a pod: for a terminal")
        << u"ssh bastion\nkubectl exec -it x -- sh\nls"_s << QStringList{u"0-2:terminal"_s} << false
        << u"ssh bastion\nkubectl exec -it x -- sh\nls"_s << QStringList{};
    QTest::addRow("in a loop: for a terminal")
        << u"for h in a b; do ssh $h; done\nuptime"_s << QStringList{u"0-1:terminal"_s} << false
        << u"for h in a b; do ssh $h; done\nuptime"_s << QStringList{};
    QTest::addRow("while true") << u"while true; do\n  kubectl get pods\n  sleep 5\ndone"_s
                                << QStringList{} << true
                                << u"while true; do\n  kubectl get pods\n  sleep 5\ndone"_s
                                << QStringList{};
    QTest::addRow("while true with a break")
        << u"while :; do\n  curl -sf x && break\n  sleep 5\ndone"_s << QStringList{} << false
        << u"while :; do\n  curl -sf x && break\n  sleep 5\ndone"_s << QStringList{};
    QTest::addRow("a stream cut by head")
        << u"redis-cli MONITOR | head -n 100"_s << QStringList{} << false
        << u"redis-cli MONITOR | head -n 100"_s << QStringList{};
}

void TestCommandBehaviour::blocks()
{
    QFETCH(QString, text);
    QFETCH(QStringList, switches);
    QFETCH(bool, streams);
    QFETCH(QString, outer);
    QFETCH(QStringList, scripts);
    const BlockExecution execution = analyseBlockExecution(text);
    QStringList found;
    for (const RunbookContextSwitch &contextSwitch : execution.switches) {
        found.append(u"%1-%2:%3"_s.arg(contextSwitch.line)
                         .arg(contextSwitch.lastLine)
                         .arg(contextSwitch.runsInside ? u"inside"_s : u"terminal"_s));
        QVERIFY(!contextSwitch.description.isEmpty());
    }
    QCOMPARE(found, switches);
    QCOMPARE(!execution.streams.isEmpty(), streams);
    const ComposedScript composed = composeRunInside(text, execution.switches);
    QCOMPARE(composed.outer, outer);
    QCOMPARE(composed.scripts.values(), scripts);
}

// What runs when the lines go inside parses as shell, and the far shell gets the lines
// verbatim: here `sh` plays kubectl, docker and ssh (it runs its last argument).
void TestCommandBehaviour::composedScriptsParse()
{
    const QString text = u"ssh ops@db-1\necho 'it'\"'\"'s' \"$HOME\" `id -u` $(date)\nexit"_s;
    const BlockExecution execution = analyseBlockExecution(text);
    QCOMPARE(execution.switches.size(), 1);
    ComposedScript composed = composeRunInside(text, execution.switches);
    composed.outer.replace(u"ssh ops@db-1"_s, u"sh -c 'printf %s \"$1\"' sh"_s);
    QProcess sh;
    sh.start(u"sh"_s, {u"-c"_s, withScripts(composed.outer, composed.scripts)});
    QVERIFY(sh.waitForFinished(10000));
    QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()),
             u"echo 'it'\"'\"'s' \"$HOME\" `id -u` $(date)"_s);
}

QTEST_GUILESS_MAIN(TestCommandBehaviour)
#include "tst_commandbehaviour.moc"
