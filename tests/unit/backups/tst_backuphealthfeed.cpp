// SPDX-License-Identifier: GPL-3.0-or-later
// The backup locations' staleness on the Dashboard: one reported check per location
// (ENV/HOST/backups:NAME, kind backup, category Backups), fed by real listings of real
// folders on this computer: a fresh dump is OK, one two days old a warning, one four days old
// critical, an empty location critical and a missing folder unknown with the reason.
#include "commandtesting.h"
#include "models/backups/backupcatalog.h"
#include "models/backups/backuphealthfeed.h"
#include "models/health/healthmonitor.h"
#include "models/remote/hostregistry.h"
#include "models/workspace/workspaceloader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QString dump =
    QStringLiteral(OPSDECK_SOURCE_DIR "/tests/data/backups/opsdeck-2026-12-06.dump");

// A copy of the sample dump in folder, last modified hoursAgo.
bool placeDump(const QString &folder, int hoursAgo)
{
    const QString path = folder + u"/orders.dump"_s;
    if (!QDir().mkpath(folder) || !QFile::copy(dump, path))
        return false;
    QFile file(path);
    return file.open(QIODevice::ReadWrite) &&
           file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600LL * hoursAgo),
                            QFileDevice::FileModificationTime);
}

} // namespace

class BackupHealthFeedTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void specsPerLocation();
    void stalenessOnTheBoard();
};

void BackupHealthFeedTest::specsPerLocation()
{
    const WorkspaceLoadResult loaded =
        parseWorkspace("environments:\n  - name: prod\n    hosts:\n      - name: db-1\n"
                       "        connection: local\n        backups:\n"
                       "          - {name: nightly, directory: /srv/backups, interval: 15m}\n"
                       "          - {name: wal, directory: /srv/wal}\n"
                       "      - name: web-1\n        connection: local\n"_ba,
                       u"prod.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    const QList<CheckSpec> specs = backupCheckSpecs(loaded.workspace);
    QCOMPARE(specs.size(), 2);
    QCOMPARE(specs.at(0).id, u"prod/db-1/backups:nightly"_s);
    QCOMPARE(specs.at(1).id, u"prod/db-1/backups:wal"_s);
    QCOMPARE(specs.at(0).kind, CheckKind::Backup);
    QCOMPARE(checkKindId(specs.at(0).kind), u"backup"_s);
    QCOMPARE(specs.at(0).category, CheckCategory::Backups);
    QCOMPARE(specs.at(0).environment, u"prod"_s);
    QCOMPARE(specs.at(0).host, u"db-1"_s);
    QCOMPARE(specs.at(0).intervalSeconds, 900);
    QVERIFY(specs.at(0).location.line > 0);
}

void BackupHealthFeedTest::stalenessOnTheBoard()
{
    QTemporaryDir root(u"/tmp/opsdeck-backupfeed-XXXXXX"_s);
    QVERIFY(root.isValid());
    QVERIFY(placeDump(root.filePath(u"fresh"_s), 1));
    QVERIFY(placeDump(root.filePath(u"late"_s), 48));
    QVERIFY(placeDump(root.filePath(u"old"_s), 96));
    QVERIFY(QDir().mkpath(root.filePath(u"empty"_s)));
    const QByteArray yaml = u"environments:\n  - name: lab\n    hosts:\n      - name: db-1\n"
                            "        connection: local\n        backups:\n"
                            "          - {name: fresh, directory: %1/fresh}\n"
                            "          - {name: late, directory: %1/late}\n"
                            "          - {name: old, directory: %1/old}\n"
                            "          - {name: empty, directory: %1/empty}\n"
                            "          - {name: gone, directory: %1/nowhere}\n"_s.arg(root.path())
                                .toUtf8();
    const WorkspaceLoadResult loaded = parseWorkspace(yaml, u"lab.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));

    CommandTesting::AuditedRunner audited;
    QVERIFY(audited.open());
    HostRegistry registry(nullptr);
    registry.setWorkspace(loaded.workspace);
    const auto executorFor = [&registry](const QString &host) { return registry.executor(host); };
    CheckServices services;
    services.runner = &audited.runner;
    services.executorFor = executorFor;
    HealthMonitor monitor(services, &audited.store);
    BackupCatalog catalog(&audited.runner, executorFor);
    BackupHealthFeed feed(&catalog, &monitor);
    monitor.setWorkspace(loaded.workspace);

    HealthBoardModel *board = monitor.board();
    const QStringList names = {u"fresh"_s, u"late"_s, u"old"_s, u"empty"_s, u"gone"_s};
    for (const QString &name : names)
        QVERIFY2(board->rowOf(u"lab/db-1/backups:"_s + name) >= 0, qPrintable(name));
    const auto latest = [board](const QString &name) {
        return board->latest(board->rowOf(u"lab/db-1/backups:"_s + name));
    };
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(names.cbegin(), names.cend(),
                               [&](const QString &name) { return latest(name) != nullptr; });
        },
        20000));
    QCOMPARE(latest(u"fresh"_s)->verdict, Verdict::Ok);
    QVERIFY2(latest(u"fresh"_s)->summary.startsWith(u"newest backup is"_s),
             qPrintable(latest(u"fresh"_s)->summary));
    QCOMPARE(latest(u"late"_s)->verdict, Verdict::Warning);
    QVERIFY2(latest(u"late"_s)->summary.contains(u"stale after"_s),
             qPrintable(latest(u"late"_s)->summary));
    QCOMPARE(latest(u"old"_s)->verdict, Verdict::Critical);
    QVERIFY2(latest(u"old"_s)->summary.contains(u"critical after"_s),
             qPrintable(latest(u"old"_s)->summary));
    QCOMPARE(latest(u"empty"_s)->verdict, Verdict::Critical);
    QCOMPARE(latest(u"gone"_s)->verdict, Verdict::Unknown);
    QVERIFY2(latest(u"gone"_s)->error.contains(root.filePath(u"nowhere"_s)) &&
                 latest(u"gone"_s)->error.contains(u"db-1"_s),
             qPrintable(latest(u"gone"_s)->error));
    const int row = board->rowOf(u"lab/db-1/backups:old"_s);
    QCOMPARE(board->index(row, HealthBoardModel::CategoryColumn).data().toString(),
             checkCategoryName(CheckCategory::Backups));
}

QTEST_GUILESS_MAIN(BackupHealthFeedTest)
#include "tst_backuphealthfeed.moc"
