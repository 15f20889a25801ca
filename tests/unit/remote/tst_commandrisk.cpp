// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/commandrisk.h"

#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class CommandRiskTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifies_data();
    void classifies();
};

void CommandRiskTest::classifies_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("risk");
    QTest::addColumn<QString>("reasonStart");
    const int read = int(Risk::Read), change = int(Risk::Change), destroy = int(Risk::Destroy);
    // Lines from our users' runbooks.
    QTest::addRow("df") << u"df -h | grep -E \"(/$|/opt/wiki|/app)\""_s << read << u""_s;
    QTest::addRow("docker ps") << u"docker-compose -f docker-compose.prod.yml ps"_s << read
                               << u""_s;
    QTest::addRow("logs tail") << u"grep -E \"ERROR|CRITICAL\" /opt/wiki/logs/app.log | tail -20"_s
                               << read << u""_s;
    QTest::addRow("kubectl get") << u"kubectl get pods -n production"_s << read << u""_s;
    QTest::addRow("stderr to null")
        << u"find /opt -name '*.log' 2>/dev/null | head"_s << read << u""_s;
    QTest::addRow("select") << u"psql -c \"SELECT count(*) FROM pg_stat_activity;\""_s << read
                            << u""_s;
    QTest::addRow("restart") << u"docker-compose -f docker-compose.prod.yml restart app"_s << change
                             << u"restart: "_s;
    QTest::addRow("rollout restart")
        << u"kubectl rollout restart deployment/blog-engine -n production"_s << change
        << u"rollout: "_s;
    QTest::addRow("scale") << u"kubectl scale deployment/post-service --replicas=5"_s << change
                           << u"scale: "_s;
    QTest::addRow("apt upgrade") << u"sudo apt update && sudo apt upgrade -y"_s << change
                                 << u"apt update: "_s;
    QTest::addRow("redirect") << u"echo x > /opt/wiki/config/monitoring.json"_s << change << u">"_s;
    QTest::addRow("vacuum") << u"psql -U admin -d blogengine -c \"VACUUM ANALYZE;\""_s << change
                            << u"VACUUM: "_s;
    QTest::addRow("rm")
        << u"find /opt/wiki/backups -name \"*.sql.gz\" -mtime +30 -delete; rm -f old.log"_s
        << destroy << u"rm: "_s;
    QTest::addRow("terminate") << u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity"_s
                               << destroy << u"pg_terminate_backend"_s;
    QTest::addRow("drop") << u"psql -c 'DROP TABLE posts'"_s << destroy << u"DROP TABLE: "_s;
    QTest::addRow("delete from") << u"DELETE FROM sessions WHERE expired"_s << destroy
                                 << u"DELETE FROM: "_s;
    QTest::addRow("force restore")
        << u"./scripts/restore.sh --force backup_file.sql.gz"_s << destroy << u"--force"_s;
    QTest::addRow("flushall") << u"redis-cli FLUSHALL"_s << destroy << u"FLUSHALL: "_s;
    QTest::addRow("kill -9") << u"kill -9 1234"_s << destroy << u"kill -9: "_s;
    QTest::addRow("reboot") << u"sudo reboot"_s << destroy << u"reboot: "_s;
    QTest::addRow("kubectl delete")
        << u"kubectl delete pod x -n prod"_s << destroy << u"kubectl delete: "_s;
    QTest::addRow("compose down") << u"docker-compose -f prod.yml down"_s << destroy
                                  << u"docker-compose -f prod.yml down: "_s;
    // Placeholders are not redirections; comments are not commands, unless the '#' is quoted.
    QTest::addRow("placeholder") << u"kubectl describe pod <pod-name> -n production"_s << read
                                 << u""_s;
    QTest::addRow("comment") << u"# 3. Restore from backup\nls -la /opt/wiki/backups/"_s << read
                             << u""_s;
    QTest::addRow("trailing comment") << u"df -h  # then rm old files"_s << read << u""_s;
    QTest::addRow("quoted hash") << u"echo '#'; rm -rf /tmp/x"_s << destroy << u"rm: "_s;
    QTest::addRow("quoted hash 2") << u"echo \"a # b\"; reboot"_s << destroy << u"reboot: "_s;
    QTest::addRow("escaped hash") << u"echo \\# ; reboot"_s << destroy << u"reboot: "_s;
    QTest::addRow("hash in a parameter") << u"echo ${x#*/}; rm -f y"_s << destroy << u"rm: "_s;
    QTest::addRow("comment right after ;") << u"uptime;# rm -rf /"_s << read << u""_s;
    QTest::addRow("comment in a substitution")
        << u"n=$(ls /srv | wc -l # rm the rest\n)"_s << read << u""_s;
    QTest::addRow("apostrophe in a comment")
        << u"# don't panic\nsystemctl restart nginx # it's fine"_s << change << u"restart: "_s;
    // A here-document's body is text for another program, never a shell comment.
    QTest::addRow("hash line in a here-document")
        << u"ssh db sh <<'EOF'\n# rm -rf /var/lib/old\nrm -rf /var/lib/old\nEOF"_s << destroy
        << u"rm: "_s;
    QTest::addRow("hash in a here-document is kept")
        << u"psql <<SQL\n# DROP TABLE sessions;\nSQL"_s << destroy << u"DROP TABLE: "_s;
    // Words inside other words are not commands.
    QTest::addRow("restarted in text") << u"grep restarted /var/log/syslog"_s << read << u""_s;
    QTest::addRow("firmware") << u"ls /lib/firmware"_s << read << u""_s;
    // From the built-in runbooks: verbs that change things although they read harmless.
    QTest::addRow("purge queue") << u"rabbitmqctl purge_queue <queue>"_s << destroy
                                 << u"rabbitmqctl purge_queue: "_s;
    QTest::addRow("promote standby") << u"sudo pg_ctlcluster 15 main promote"_s << change
                                     << u"pg_ctlcluster 15 main promote: "_s;
    QTest::addRow("renice") << u"renice +10 -p 4242"_s << change << u"renice: "_s;
    QTest::addRow("journal vacuum")
        << u"journalctl --vacuum-size=500M"_s << change << u"journalctl --vacuum-: "_s;
    QTest::addRow("kubectl flag before verb")
        << u"kubectl -n prod apply -f fix.yaml"_s << change << u"kubectl -n prod apply: "_s;
    QTest::addRow("kubectl delete after flag")
        << u"kubectl -n prod delete pod api-1"_s << destroy << u"kubectl -n prod delete: "_s;
    QTest::addRow("label selector is a read") << u"kubectl get pods -l app=api"_s << read << u""_s;
    QTest::addRow("firewall policy drop")
        << u"nft add chain inet q input { policy drop; }"_s << change << u"nft add: "_s;
    QTest::addRow("drop in prose is no SQL")
        << u"grep -c drop /var/log/kern.log"_s << read << u""_s;
    QTest::addRow("truncate table")
        << u"psql -c 'TRUNCATE TABLE sessions'"_s << destroy << u"TRUNCATE TABLE sessions: "_s;
    QTest::addRow("shell set") << u"set -euo pipefail\necho set"_s << read << u""_s;
    QTest::addRow("sql set") << u"psql -c \"SET statement_timeout = '5s'\""_s << change
                             << u"SET statement_timeout =: "_s;
    QTest::addRow("sql set to") << u"SET LOCAL work_mem TO '64MB';"_s << change
                                << u"SET LOCAL work_mem TO: "_s;
}

void CommandRiskTest::classifies()
{
    QFETCH(QString, command);
    QFETCH(int, risk);
    QFETCH(QString, reasonStart);
    const RiskAssessment assessment = assessCommandRisk(command);
    QCOMPARE(int(assessment.risk), risk);
    if (reasonStart.isEmpty())
        QVERIFY2(assessment.reason.isEmpty(), qPrintable(assessment.reason));
    else
        QVERIFY2(assessment.reason.startsWith(reasonStart), qPrintable(assessment.reason));
}

QTEST_GUILESS_MAIN(CommandRiskTest)
#include "tst_commandrisk.moc"
