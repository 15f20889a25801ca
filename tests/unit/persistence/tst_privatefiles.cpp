// SPDX-License-Identifier: GPL-3.0-or-later
// OpsDeck's own files are the user's alone whatever the umask: the state database with its -wal
// and -shm files 0600 and its folders 0700, the settings file 0600 in a 0700 folder; and files
// and folders an older OpsDeck left readable to others are tightened.
#include "models/core/paths.h"
#include "models/core/privatefiles.h"
#include "models/persistence/statestore.h"
#include "statetesting.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sys/stat.h>

using namespace OpsDeck;
using namespace StateTesting;
using namespace Qt::StringLiterals;

namespace {

// The permission bits of path, as "0600"; "missing" when it does not exist.
QString modeOf(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return u"missing"_s;
    return u"0"_s + QString::number(info.st_mode & 07777, 8);
}

} // namespace

class tst_PrivateFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void stateDatabase_data();
    void stateDatabase();
    void settingsFile_data();
    void settingsFile();
    void customFolderIsLeftAlone();

private:
    void addUmaskRows();

    std::unique_ptr<QTemporaryDir> m_root;
    mode_t m_umask = 022;
    int m_row = 0;
};

void tst_PrivateFiles::initTestCase()
{
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    // Before the first QSettings, which reads XDG_CONFIG_HOME once per process.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_root->filePath(u"config"_s)));
    QCoreApplication::setOrganizationName(u"OpsDeck"_s);
    QCoreApplication::setApplicationName(u"opsdeck"_s);
}

void tst_PrivateFiles::init()
{
    m_umask = ::umask(022);
    ::umask(m_umask);
    // Each row gets data of its own: XDG_DATA_HOME is read at every call.
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_root->filePath(u"data-%1"_s.arg(++m_row))));
}

void tst_PrivateFiles::cleanup()
{
    ::umask(m_umask);
}

void tst_PrivateFiles::addUmaskRows()
{
    QTest::addColumn<int>("mask");
    QTest::addColumn<bool>("leftovers"); // files and folders from an older, lax OpsDeck

    QTest::newRow("umask 022") << 022 << false;
    QTest::newRow("umask 000") << 0 << false;
    QTest::newRow("umask 002") << 02 << false;
    QTest::newRow("umask 0277") << 0277 << false;
    QTest::newRow("umask 022, lax leftovers") << 022 << true;
    QTest::newRow("umask 000, lax leftovers") << 0 << true;
}

void tst_PrivateFiles::stateDatabase_data()
{
    addUmaskRows();
}

void tst_PrivateFiles::stateDatabase()
{
    QFETCH(int, mask);
    QFETCH(bool, leftovers);
    const QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
    const QString organisation = dataHome + u"/OpsDeck"_s;
    const QString folder = organisation + u"/opsdeck"_s;
    const QString database = folder + u"/state.sqlite"_s;

    // An older OpsDeck under umask 022: folders 0755, the database and its WAL files 0644. The
    // connection stays open, so the -wal and -shm files are there when OpsDeck starts.
    std::unique_ptr<PlainConnection> older;
    if (leftovers) {
        ::umask(022);
        QVERIFY(QDir().mkpath(folder));
        older = std::make_unique<PlainConnection>(database);
        QVERIFY(older->isOpen());
        QVERIFY(older->exec(u"PRAGMA journal_mode = WAL"_s));
        QVERIFY(older->exec(u"CREATE TABLE older (x INTEGER)"_s));
        QVERIFY(older->exec(u"INSERT INTO older VALUES (1)"_s));
        QCOMPARE(modeOf(database + u"-wal"_s), u"0644"_s);
        QCOMPARE(modeOf(folder), u"0755"_s);
    }

    ::umask(mode_t(mask));
    StateStore store;
    QString error;
    QVERIFY2(openStore(store, {}, &error), qPrintable(error)); // the default place
    QCOMPARE(Paths::stateDatabaseFile(), database);
    // A write, so the -wal and -shm files exist while the store is open.
    const auto written = waitFor<bool>([&](QObject *context, auto done) {
        store.submit<bool>(
            context,
            [](StoreConnection &db) -> StoreResult<bool> {
                QSqlQuery query(db.database());
                return query.exec(u"CREATE TABLE IF NOT EXISTS notes (x INTEGER)"_s) &&
                       query.exec(u"INSERT INTO notes VALUES (1)"_s);
            },
            std::move(done));
    });
    QVERIFY(valueOr(written, false));

    for (const QString &file : QStringList{database, database + u"-wal"_s, database + u"-shm"_s})
        QCOMPARE(u"%1 %2"_s.arg(QFileInfo(file).fileName(), modeOf(file)),
                 u"%1 0600"_s.arg(QFileInfo(file).fileName()));
    QCOMPARE(modeOf(folder), u"0700"_s);
    QCOMPARE(modeOf(organisation), u"0700"_s);
    if (!leftovers)
        QCOMPARE(modeOf(dataHome), u"0700"_s); // created by OpsDeck too
    if (older)
        QCOMPARE(older->scalar(u"SELECT count(*) FROM older"_s).toInt(), 1);
}

void tst_PrivateFiles::settingsFile_data()
{
    addUmaskRows();
}

void tst_PrivateFiles::settingsFile()
{
    QFETCH(int, mask);
    QFETCH(bool, leftovers);
    // An organisation of its own per row: its own settings folder and file.
    const QString organisation = u"OpsDeckTest%1"_s.arg(m_row);
    const QString file = QSettings(organisation, u"opsdeck"_s).fileName();
    const QString folder = QFileInfo(file).absolutePath();
    QVERIFY2(file.startsWith(m_root->path()), qPrintable(file));
    if (leftovers) {
        ::umask(022);
        QVERIFY(QDir().mkpath(folder));
        QFile old(file);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("[window]\nsize=@Size(800 600)\n");
        old.close();
        QCOMPARE(modeOf(file), u"0644"_s);
    }

    ::umask(mode_t(mask));
    QCOMPARE(PrivateFiles::prepareSettingsFile(file), QString());
    QCOMPARE(modeOf(file), u"0600"_s);
    QCOMPARE(modeOf(folder), u"0700"_s);
    {
        QSettings settings(organisation, u"opsdeck"_s);
        settings.setValue(u"incident/commander"_s, u"alice"_s);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    // QSettings replaces the file on every write and keeps its permissions.
    QCOMPARE(modeOf(file), u"0600"_s);
    QCOMPARE(modeOf(folder), u"0700"_s);
    const QSettings reread(organisation, u"opsdeck"_s);
    QCOMPARE(reread.value(u"incident/commander"_s).toString(), u"alice"_s);
    if (leftovers)
        QCOMPARE(reread.value(u"window/size"_s).toSize(), QSize(800, 600));
}

void tst_PrivateFiles::customFolderIsLeftAlone()
{
    // A database put in a folder that exists (a shared one, say) makes the file private but
    // leaves the folder's permissions to its owner.
    const QString shared = m_root->filePath(u"shared"_s);
    ::umask(022);
    QVERIFY(QDir().mkpath(shared));
    QCOMPARE(modeOf(shared), u"0755"_s);
    ::umask(0);
    {
        StateStore store;
        QString error;
        QVERIFY2(openStore(store, shared + u"/nested/state.sqlite"_s, &error), qPrintable(error));
    }
    QCOMPARE(modeOf(shared), u"0755"_s);
    QCOMPARE(modeOf(shared + u"/nested"_s), u"0700"_s);
    QCOMPARE(modeOf(shared + u"/nested/state.sqlite"_s), u"0600"_s);

    // And a file where the folder should be is said as such.
    QFile blocker(m_root->filePath(u"blocker"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString error = PrivateFiles::makeDirectory(blocker.fileName() + u"/x"_s);
    QVERIFY2(error.contains(blocker.fileName()), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_PrivateFiles)
#include "tst_privatefiles.moc"
