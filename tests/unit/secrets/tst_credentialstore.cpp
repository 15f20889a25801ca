// SPDX-License-Identifier: GPL-3.0-or-later
// CredentialStore against a real GNOME Keyring. CTest runs this through
// tests/scripts/with-keychain.sh, which gives it a private D-Bus session, an unlocked keyring and
// a throw-away HOME. The memory-only cases run in child processes of this same executable whose
// DBUS_SESSION_BUS_ADDRESS points at a socket that does not exist, so QtKeychain (libsecret)
// deterministically finds no keychain, whatever the machine has.
#include "models/secrets/credentialstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <memory>
#include <optional>

using namespace OpsDeck;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int AnswerTimeoutMs = 30000;
constexpr int ChildTimeoutMs = 120000;

const auto ChildModeVariable = "OPSDECK_TST_CREDENTIALSTORE_CHILD";
const auto ChildEntryVariable = "OPSDECK_TST_CREDENTIALSTORE_ENTRY";
const auto ChildCanaryVariable = "OPSDECK_TST_CREDENTIALSTORE_CANARY";

// One answer from the store, whichever signal it came in.
struct Answer {
    enum class Kind { Probed, Read, Written, Removed, Failed };
    Kind kind = Kind::Failed;
    QString entry;
    bool found = false;
    QString secret;
    QString message;
    bool memoryOnly = false;
};

// Every answer a store gives, by request id; notes ids answered more than once.
class Answers final : public QObject
{
public:
    explicit Answers(CredentialStore *store)
    {
        connect(store, &CredentialStore::probed, this, [this](quint64 id, bool memoryOnly) {
            Answer answer;
            answer.kind = Answer::Kind::Probed;
            answer.memoryOnly = memoryOnly;
            add(id, answer);
        });
        connect(store, &CredentialStore::readFinished, this,
                [this](quint64 id, const QString &entry, bool found, const QString &secret) {
                    add(id, {Answer::Kind::Read, entry, found, secret, {}, false});
                });
        connect(store, &CredentialStore::written, this, [this](quint64 id, const QString &entry) {
            add(id, {Answer::Kind::Written, entry, false, {}, {}, false});
        });
        connect(store, &CredentialStore::removed, this, [this](quint64 id, const QString &entry) {
            add(id, {Answer::Kind::Removed, entry, false, {}, {}, false});
        });
        connect(store, &CredentialStore::failed, this,
                [this](quint64 id, const QString &entry, const QString &message) {
                    add(id, {Answer::Kind::Failed, entry, false, {}, message, false});
                });
    }

    bool waitFor(const QList<quint64> &ids, int timeoutMs = AnswerTimeoutMs)
    {
        return QTest::qWaitFor(
            [&] {
                for (const quint64 id : ids) {
                    if (!m_answers.contains(id))
                        return false;
                }
                return true;
            },
            timeoutMs);
    }
    bool has(quint64 id) const { return m_answers.contains(id); }
    Answer answer(quint64 id) const { return m_answers.value(id); }
    qsizetype count() const { return m_order.size(); }
    // Ids in the order their answers arrived.
    const QList<quint64> &order() const { return m_order; }
    const QList<quint64> &duplicates() const { return m_duplicates; }

private:
    void add(quint64 id, const Answer &answer)
    {
        if (m_answers.contains(id))
            m_duplicates.append(id);
        m_answers.insert(id, answer);
        m_order.append(id);
    }

    QHash<quint64, Answer> m_answers;
    QList<quint64> m_order;
    QList<quint64> m_duplicates;
};

QString randomPrintable(qsizetype length)
{
    static const QString alphabet =
        u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~ "_s;
    QString text;
    text.reserve(length);
    for (qsizetype i = 0; i < length; ++i)
        text += alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size())));
    return text;
}

QString uniqueSuffix()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

// The forms in which a password could end up in a file by mistake.
QList<QByteArray> plaintextForms(const QString &secret, const QString &distinctivePart)
{
    const auto utf16 = [](const QString &text) {
        return QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    };
    return {secret.toUtf8(),
            utf16(secret),
            secret.toUtf8().toBase64(),
            secret.toUtf8().toHex(),
            distinctivePart.toUtf8(),
            utf16(distinctivePart)};
}

struct Scan {
    QStringList scanned;    // regular files read, canonical paths
    QStringList containing; // files in which a form of the password was found
    QStringList unreadable;
};

// Reads every regular file below the roots (symbolic links are not followed) and looks for any
// of the byte strings.
Scan scanFiles(const QStringList &roots, const QList<QByteArray> &needles)
{
    Scan scan;
    QSet<QString> seen;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QFileInfo info(path);
            if (!info.isFile() || info.isSymLink())
                continue;
            const QString canonical = info.canonicalFilePath();
            if (seen.contains(canonical))
                continue;
            seen.insert(canonical);
            QFile file(canonical);
            if (!file.open(QIODevice::ReadOnly)) {
                scan.unreadable.append(canonical);
                continue;
            }
            const QByteArray data = file.readAll();
            scan.scanned.append(canonical);
            for (const QByteArray &needle : needles) {
                if (data.contains(needle)) {
                    scan.containing.append(canonical);
                    break;
                }
            }
        }
    }
    return scan;
}

// HOME, the XDG directories and the runtime directory of the sandbox.
QStringList sandboxRoots()
{
    QStringList roots;
    for (const char *name :
         {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty() && QFileInfo(value).isDir())
            roots.append(value);
    }
    return roots;
}

// Empty when the process runs inside with-keychain.sh's sandbox; otherwise why not.
QString sandboxProblem()
{
    const QString sandbox = qEnvironmentVariable("OPSDECK_KEYCHAIN_SANDBOX");
    if (sandbox.isEmpty()) {
        return u"OPSDECK_KEYCHAIN_SANDBOX is not set: run this test through "
               "tests/scripts/with-keychain.sh (ctest does), never against your own keychain "
               "and HOME"_s;
    }
    const QString home = QDir(qEnvironmentVariable("HOME")).canonicalPath();
    if (home.isEmpty() || home != QDir(sandbox).canonicalPath())
        return u"HOME is not the sandbox %1"_s.arg(sandbox);
    for (const char *name :
         {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"}) {
        const QString path = QDir(qEnvironmentVariable(name)).canonicalPath();
        if (path.isEmpty() || !path.startsWith(home + u'/'))
            return u"%1 is not inside the sandbox HOME"_s.arg(QLatin1StringView(name));
    }
    return {};
}

QByteArray sha256Hex(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex();
}

struct ChildRun {
    bool finished = false;
    int exitCode = -1;
    QByteArray output;
};

// Runs this executable again in the given child mode, with extra environment variables.
ChildRun runChild(const QString &mode, const QMap<QString, QString> &variables)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QLatin1StringView(ChildModeVariable), mode);
    for (auto it = variables.cbegin(); it != variables.cend(); ++it) {
        if (it.value().isNull())
            environment.remove(it.key());
        else
            environment.insert(it.key(), it.value());
    }
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QCoreApplication::applicationFilePath(), {});
    ChildRun run;
    run.finished = process.waitForFinished(ChildTimeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = process.readAll();
    return run;
}

// A D-Bus address at which nothing listens: libsecret fails at once with "Could not connect".
QString deadBusAddress()
{
    return u"unix:path=%1/no-such-bus/socket"_s.arg(qEnvironmentVariable("HOME"));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// With the real keychain.

class CredentialStoreTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void idsAreUniqueAndAnsweredLater();
    void writeThenRead_data();
    void writeThenRead();
    void overwriteReplacesTheSecret();
    void removeForgetsTheEntry();
    void unknownEntryIsNotFound();
    void entriesAreSeparateAndNamedExactly();
    void storedInTheKeychainNotInProcessMemory();
    void manyConcurrentRequestsMatchedById();
    void requestsOnOneEntryRunInOrder();
    void invalidRequestsFailWithoutTheSecret();
    void destroyingTheStoreWithRequestsInFlight();
    void noPlaintextOnDisk();
    void memoryOnlyWhenNoKeychain();
    void memoryOnlyWhenTheKeychainDoesNotAnswer();
    void boundToTheAddressItWasStoredFor_data();
    void boundToTheAddressItWasStoredFor();
    void consentIsAskedOnceAndKept();
    void writingWithAnAddressBindsAnew();
    void removeForgetsTheBinding();
    void missingEntryIsNotBound();
    void addresses_data();
    void addresses();

private:
    // readFor() with the user's answer given by `send` (nullopt: nobody listens); which
    // questions came is added to `asked` as "entry: bound -> address".
    Answer readAt(const QString &entry, const QString &address, std::optional<bool> send,
                  QStringList *asked = nullptr);
    Answer await(quint64 id);
    QString entryName(const QString &name) const { return m_prefix + name; }
    QString m_prefix;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Answers> m_answers;
    std::unique_ptr<QSignalSpy> m_memoryOnlySpy;
};

void CredentialStoreTest::initTestCase()
{
    const QString problem = sandboxProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
    m_prefix = u"tst/%1/"_s.arg(uniqueSuffix());
}

void CredentialStoreTest::init()
{
    m_store = std::make_unique<CredentialStore>();
    m_answers = std::make_unique<Answers>(m_store.get());
    m_memoryOnlySpy =
        std::make_unique<QSignalSpy>(m_store.get(), &CredentialStore::memoryOnlyChanged);

    const quint64 id = m_store->probe();
    QVERIFY(m_answers->waitFor({id}));
    const Answer answer = m_answers->answer(id);
    QCOMPARE(answer.kind, Answer::Kind::Probed);
    QVERIFY2(!answer.memoryOnly, qPrintable(m_store->memoryOnlyReason()));
    QVERIFY(!m_store->isMemoryOnly());
    QVERIFY(m_store->memoryOnlyReason().isEmpty());
}

void CredentialStoreTest::cleanup()
{
    // The keychain works throughout; nothing may have switched to memory.
    QVERIFY2(!m_store->isMemoryOnly(), qPrintable(m_store->memoryOnlyReason()));
    QCOMPARE(m_memoryOnlySpy->count(), 0);
    QVERIFY(m_answers->duplicates().isEmpty());
    m_memoryOnlySpy.reset();
    m_answers.reset();
    m_store.reset();
}

void CredentialStoreTest::idsAreUniqueAndAnsweredLater()
{
    const qsizetype before = m_answers->count();
    const QString entry = entryName(u"ids"_s);
    const QList<quint64> ids{m_store->write(entry, u"first"_s), m_store->read(entry),
                             m_store->remove(entry), m_store->read(u""_s), m_store->probe()};
    // Nothing is answered inside the call.
    QCOMPARE(m_answers->count(), before);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        QVERIFY(ids.at(i) != 0);
        if (i > 0)
            QVERIFY(ids.at(i) > ids.at(i - 1));
    }
    QVERIFY(m_answers->waitFor(ids));
    QCOMPARE(m_answers->count(), before + ids.size());
    QCOMPARE(m_answers->answer(ids.at(0)).kind, Answer::Kind::Written);
    QCOMPARE(m_answers->answer(ids.at(1)).kind, Answer::Kind::Read);
    QCOMPARE(m_answers->answer(ids.at(2)).kind, Answer::Kind::Removed);
    QCOMPARE(m_answers->answer(ids.at(3)).kind, Answer::Kind::Failed);
    QCOMPARE(m_answers->answer(ids.at(4)).kind, Answer::Kind::Probed);
}

void CredentialStoreTest::writeThenRead_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("secret");

    QTest::newRow("ascii") << u"acme/wiki-db"_s << u"correct horse battery staple"_s;
    QTest::newRow("unicode") << u"acme/staging-1"_s
                             << u"Pässwörd-€-日本語-пароль-שלום-🔑-\u00e9\u0301"_s;
    QTest::newRow("punctuation and spaces")
        << u"acme/bastion-key-passphrase"_s
        << u"  'quoted' \"double\" \\back\\slash $HOME `x` ; "_s;
    QTest::newRow("line breaks and tabs") << u"multi line"_s << u"line 1\nline 2\r\n\tline 3\n"_s;
    QTest::newRow("single character") << u"x"_s << u"x"_s;
    QTest::newRow("unicode entry name") << u"Ärger/データベース 🗝"_s << u"s3cret"_s;
    QTest::newRow("4 KiB") << u"long/4k"_s << randomPrintable(4 * 1024);
    QTest::newRow("256 KiB") << u"long/256k"_s << randomPrintable(256 * 1024);
}

void CredentialStoreTest::writeThenRead()
{
    QFETCH(QString, entry);
    QFETCH(QString, secret);
    entry = entryName(entry);

    const quint64 writeId = m_store->write(entry, secret);
    QVERIFY(m_answers->waitFor({writeId}));
    Answer answer = m_answers->answer(writeId);
    QCOMPARE(answer.kind, Answer::Kind::Written);
    QCOMPARE(answer.entry, entry);

    const quint64 readId = m_store->read(entry);
    QVERIFY(m_answers->waitFor({readId}));
    answer = m_answers->answer(readId);
    QCOMPARE(answer.kind, Answer::Kind::Read);
    QCOMPARE(answer.entry, entry);
    QVERIFY(answer.found);
    QCOMPARE(answer.secret.size(), secret.size());
    QVERIFY(answer.secret == secret); // not QCOMPARE: 256 KiB would flood the log

    // Another store in the same session reads the same entry.
    CredentialStore other;
    Answers otherAnswers(&other);
    const quint64 otherId = other.read(entry);
    QVERIFY(otherAnswers.waitFor({otherId}));
    QVERIFY(otherAnswers.answer(otherId).found);
    QVERIFY(otherAnswers.answer(otherId).secret == secret);
}

void CredentialStoreTest::overwriteReplacesTheSecret()
{
    const QString entry = entryName(u"overwrite"_s);
    const quint64 first = m_store->write(entry, u"old password"_s);
    QVERIFY(m_answers->waitFor({first}));
    QCOMPARE(m_answers->answer(first).kind, Answer::Kind::Written);

    const quint64 second = m_store->write(entry, u"new password"_s);
    const quint64 read = m_store->read(entry);
    QVERIFY(m_answers->waitFor({second, read}));
    QCOMPARE(m_answers->answer(second).kind, Answer::Kind::Written);
    QVERIFY(m_answers->answer(read).found);
    QCOMPARE(m_answers->answer(read).secret, u"new password"_s);

    // A shorter secret over a longer one leaves nothing of the old one behind.
    const quint64 third = m_store->write(entry, u"n"_s);
    const quint64 reread = m_store->read(entry);
    QVERIFY(m_answers->waitFor({third, reread}));
    QCOMPARE(m_answers->answer(reread).secret, u"n"_s);
}

void CredentialStoreTest::removeForgetsTheEntry()
{
    const QString entry = entryName(u"remove"_s);
    const quint64 write = m_store->write(entry, u"to be removed"_s);
    const quint64 remove = m_store->remove(entry);
    const quint64 read = m_store->read(entry);
    QVERIFY(m_answers->waitFor({write, remove, read}));
    QCOMPARE(m_answers->answer(write).kind, Answer::Kind::Written);
    QCOMPARE(m_answers->answer(remove).kind, Answer::Kind::Removed);
    QCOMPARE(m_answers->answer(remove).entry, entry);
    QCOMPARE(m_answers->answer(read).kind, Answer::Kind::Read);
    QVERIFY(!m_answers->answer(read).found);
    QVERIFY(m_answers->answer(read).secret.isEmpty());

    // Removing what is not there is not an error.
    const quint64 again = m_store->remove(entry);
    QVERIFY(m_answers->waitFor({again}));
    QCOMPARE(m_answers->answer(again).kind, Answer::Kind::Removed);
}

void CredentialStoreTest::unknownEntryIsNotFound()
{
    const QString entry = entryName(u"never-written-%1"_s.arg(uniqueSuffix()));
    const quint64 id = m_store->read(entry);
    QVERIFY(m_answers->waitFor({id}));
    const Answer answer = m_answers->answer(id);
    QCOMPARE(answer.kind, Answer::Kind::Read);
    QCOMPARE(answer.entry, entry);
    QVERIFY(!answer.found);
    QVERIFY(answer.secret.isEmpty());
}

void CredentialStoreTest::entriesAreSeparateAndNamedExactly()
{
    // Entry names are matched exactly: no prefix, case or wildcard matching.
    const QString base = entryName(u"exact/Name"_s);
    const quint64 write = m_store->write(base, u"the right one"_s);
    QVERIFY(m_answers->waitFor({write}));
    const QStringList others{base.toLower(), base + u'x', base.left(base.size() - 1),
                             entryName(u"exact/*"_s), entryName(u"exact/%"_s)};
    QList<quint64> ids;
    for (const QString &other : others)
        ids.append(m_store->read(other));
    const quint64 exact = m_store->read(base);
    ids.append(exact);
    QVERIFY(m_answers->waitFor(ids));
    for (qsizetype i = 0; i < others.size(); ++i)
        QVERIFY2(!m_answers->answer(ids.at(i)).found, qPrintable(others.at(i)));
    QCOMPARE(m_answers->answer(exact).secret, u"the right one"_s);
}

void CredentialStoreTest::storedInTheKeychainNotInProcessMemory()
{
    // Another process, with nothing of ours in its memory, finds the secret in the keychain.
    const QString entry = entryName(u"cross-process"_s);
    const QString secret = u"seen by another process ✓ "_s + uniqueSuffix();
    const quint64 write = m_store->write(entry, secret);
    QVERIFY(m_answers->waitFor({write}));
    QCOMPARE(m_answers->answer(write).kind, Answer::Kind::Written);

    ChildRun run = runChild(u"read"_s, {{QLatin1StringView(ChildEntryVariable), entry}});
    QVERIFY2(run.finished && run.exitCode == 0, run.output.constData());
    QVERIFY2(run.output.contains(QByteArray("found " + sha256Hex(secret))), run.output.constData());

    const quint64 remove = m_store->remove(entry);
    QVERIFY(m_answers->waitFor({remove}));
    run = runChild(u"read"_s, {{QLatin1StringView(ChildEntryVariable), entry}});
    QVERIFY2(run.finished && run.exitCode == 0, run.output.constData());
    QVERIFY2(run.output.contains("not-found"), run.output.constData());
}

void CredentialStoreTest::manyConcurrentRequestsMatchedById()
{
    constexpr int count = 60;
    QMap<quint64, int> writes;
    for (int i = 0; i < count; ++i)
        writes.insert(m_store->write(entryName(u"many/%1"_s.arg(i)), u"secret #%1"_s.arg(i)), i);
    QCOMPARE(writes.size(), count);
    QVERIFY(m_answers->waitFor(writes.keys()));
    for (auto it = writes.cbegin(); it != writes.cend(); ++it) {
        const Answer answer = m_answers->answer(it.key());
        QCOMPARE(answer.kind, Answer::Kind::Written);
        QCOMPARE(answer.entry, entryName(u"many/%1"_s.arg(it.value())));
    }

    // Reads in a shuffled order, all at once; every answer carries its own request's entry.
    QList<int> order;
    for (int i = 0; i < count; ++i)
        order.append(i);
    for (int i = count - 1; i > 0; --i)
        order.swapItemsAt(i, QRandomGenerator::global()->bounded(i + 1));
    QMap<quint64, int> reads;
    for (const int i : std::as_const(order))
        reads.insert(m_store->read(entryName(u"many/%1"_s.arg(i))), i);
    QCOMPARE(reads.size(), count);
    QVERIFY(m_answers->waitFor(reads.keys()));
    for (auto it = reads.cbegin(); it != reads.cend(); ++it) {
        const Answer answer = m_answers->answer(it.key());
        QCOMPARE(answer.kind, Answer::Kind::Read);
        QCOMPARE(answer.entry, entryName(u"many/%1"_s.arg(it.value())));
        QVERIFY(answer.found);
        QCOMPARE(answer.secret, u"secret #%1"_s.arg(it.value()));
    }

    QList<quint64> removes;
    for (int i = 0; i < count; ++i)
        removes.append(m_store->remove(entryName(u"many/%1"_s.arg(i))));
    QVERIFY(m_answers->waitFor(removes));
    for (const quint64 id : std::as_const(removes))
        QCOMPARE(m_answers->answer(id).kind, Answer::Kind::Removed);
}

void CredentialStoreTest::requestsOnOneEntryRunInOrder()
{
    const QString entry = entryName(u"ordered"_s);
    const QList<quint64> ids{m_store->write(entry, u"one"_s), m_store->read(entry),
                             m_store->write(entry, u"two"_s), m_store->read(entry),
                             m_store->remove(entry),          m_store->read(entry)};
    QVERIFY(m_answers->waitFor(ids));
    QCOMPARE(m_answers->answer(ids.at(1)).secret, u"one"_s);
    QCOMPARE(m_answers->answer(ids.at(3)).secret, u"two"_s);
    QCOMPARE(m_answers->answer(ids.at(4)).kind, Answer::Kind::Removed);
    QVERIFY(!m_answers->answer(ids.at(5)).found);

    // Answers arrive in request order.
    QList<quint64> arrived;
    for (const quint64 id : m_answers->order()) {
        if (ids.contains(id))
            arrived.append(id);
    }
    QCOMPARE(arrived, ids);
}

void CredentialStoreTest::invalidRequestsFailWithoutTheSecret()
{
    const QString entry = entryName(u"invalid"_s);
    const QString withNul = u"before"_s + QChar(u'\0') + u"after-distinctive"_s;
    const qsizetype before = m_answers->count();
    const QList<quint64> ids{m_store->read(QString()), m_store->write(QString(), u"x"_s),
                             m_store->remove(QString()), m_store->write(entry, QString()),
                             m_store->write(entry, withNul)};
    QCOMPARE(m_answers->count(), before); // failures are answered later too
    QVERIFY(m_answers->waitFor(ids));
    for (const quint64 id : ids) {
        const Answer answer = m_answers->answer(id);
        QCOMPARE(answer.kind, Answer::Kind::Failed);
        QVERIFY(!answer.message.isEmpty());
    }
    const Answer nul = m_answers->answer(ids.at(4));
    QCOMPARE(nul.entry, entry);
    QVERIFY2(nul.message.contains(entry), qPrintable(nul.message));
    QVERIFY2(!nul.message.contains(u"distinctive"_s), qPrintable(nul.message));

    // Nothing was stored under the entry.
    const quint64 read = m_store->read(entry);
    QVERIFY(m_answers->waitFor({read}));
    QVERIFY(!m_answers->answer(read).found);
}

void CredentialStoreTest::destroyingTheStoreWithRequestsInFlight()
{
    const QString entry = entryName(u"orphaned write"_s);
    {
        auto store = std::make_unique<CredentialStore>();
        store->write(entry, u"written after its store went away"_s);
        store->read(entry);
        store.reset(); // with both requests in flight
    }
    // QtKeychain runs jobs one at a time in order: this read comes after the orphaned write,
    // which completed (and did not crash calling back into the deleted store).
    const quint64 read = m_store->read(entry);
    QVERIFY(m_answers->waitFor({read}));
    QVERIFY(m_answers->answer(read).found);
    QCOMPARE(m_answers->answer(read).secret, u"written after its store went away"_s);
    const quint64 remove = m_store->remove(entry);
    QVERIFY(m_answers->waitFor({remove}));
}

void CredentialStoreTest::noPlaintextOnDisk()
{
    const QString distinctive = uniqueSuffix();
    const QString password = u"OpsDeck-canary-%1-Ünïcödé-密码"_s.arg(distinctive);
    const QList<QByteArray> needles = plaintextForms(password, distinctive);

    // The scanner itself finds a password written in plain text (outside the sandbox).
    {
        QTemporaryDir control;
        QVERIFY(control.isValid());
        QFile file(control.filePath(u"nested/.hidden/plain.txt"_s));
        QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("prefix " + password.toUtf8() + " suffix"));
        file.close();
        const Scan scan = scanFiles({control.path()}, needles);
        QCOMPARE(scan.containing.size(), 1);
    }

    const QString entry = entryName(u"canary"_s);
    const quint64 write = m_store->write(entry, password);
    const quint64 read = m_store->read(entry);
    QVERIFY(m_answers->waitFor({write, read}));
    QCOMPARE(m_answers->answer(write).kind, Answer::Kind::Written);
    QCOMPARE(m_answers->answer(read).secret, password);

    const Scan scan = scanFiles(sandboxRoots(), needles);
    QVERIFY2(scan.containing.isEmpty(),
             qPrintable(u"password in plain text in: "_s + scan.containing.join(u", "_s)));
    QVERIFY2(scan.unreadable.isEmpty(), qPrintable(scan.unreadable.join(u", "_s)));

    // The keyring's own file was written and scanned: the secret is in there, encrypted.
    const QString keyrings =
        QDir(qEnvironmentVariable("XDG_DATA_HOME")).canonicalPath() + u"/keyrings/"_s;
    bool keyringScanned = false;
    for (const QString &path : scan.scanned) {
        if (path.startsWith(keyrings) && path.endsWith(u".keyring"_s) && QFileInfo(path).size() > 0)
            keyringScanned = true;
    }
    QVERIFY2(keyringScanned, qPrintable(u"no keyring file among: "_s + scan.scanned.join(u", "_s)));

    const quint64 remove = m_store->remove(entry);
    QVERIFY(m_answers->waitFor({remove}));
}

void CredentialStoreTest::memoryOnlyWhenNoKeychain()
{
    const QString distinctive = uniqueSuffix();
    const QString canary = u"memory-only canary %1 ß"_s.arg(distinctive);
    const ChildRun run =
        runChild(u"memory-only"_s, {{u"DBUS_SESSION_BUS_ADDRESS"_s, deadBusAddress()},
                                    {QLatin1StringView(ChildCanaryVariable), canary},
                                    {u"DISPLAY"_s, QString()},
                                    {u"WAYLAND_DISPLAY"_s, QString()}});
    QVERIFY2(run.finished, "the memory-only child did not finish");
    QVERIFY2(run.exitCode == 0, run.output.constData());

    // What the child kept in memory never reached a file, nor the keychain.
    const Scan scan = scanFiles(sandboxRoots(), plaintextForms(canary, distinctive));
    QVERIFY2(scan.containing.isEmpty(), qPrintable(scan.containing.join(u", "_s)));
    const quint64 read = m_store->read(u"memory-only/canary"_s);
    QVERIFY(m_answers->waitFor({read}));
    QCOMPARE(m_answers->answer(read).kind, Answer::Kind::Read);
    QVERIFY(!m_answers->answer(read).found);
}

void CredentialStoreTest::memoryOnlyWhenTheKeychainDoesNotAnswer()
{
    // Without Qt's GLib event loop, libsecret's answers are never delivered: the probe must
    // give up after its timeout instead of leaving the application waiting.
    const ChildRun run = runChild(u"probe-timeout"_s, {{u"QT_NO_GLIB"_s, u"1"_s}});
    QVERIFY2(run.finished, "the probe-timeout child did not finish");
    QVERIFY2(run.exitCode == 0, run.output.constData());
    QVERIFY2(run.output.contains("memory-only"), run.output.constData());
}

Answer CredentialStoreTest::await(quint64 id)
{
    if (!m_answers->waitFor({id}))
        return {};
    return m_answers->answer(id);
}

Answer CredentialStoreTest::readAt(const QString &entry, const QString &address,
                                   std::optional<bool> send, QStringList *asked)
{
    QMetaObject::Connection question;
    if (send) {
        question = connect(
            m_store.get(), &CredentialStore::addressQuestion, this,
            [&](quint64 id, const QString &name, const QString &bound, const QString &to) {
                if (asked)
                    asked->append(name.mid(m_prefix.size()) + u": "_s + bound + u" -> "_s + to);
                m_store->answerAddressQuestion(id, *send);
            });
    }
    const Answer answer = await(m_store->readFor(entry, address));
    disconnect(question);
    return answer;
}

void CredentialStoreTest::boundToTheAddressItWasStoredFor_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("send"); // -1: nobody to ask; 0: the user says no; 1: yes
    QTest::addColumn<bool>("found");
    QTest::addColumn<bool>("asked");
    QTest::addColumn<QString>("message");

    QTest::newRow("its own address, headless")
        << u"db1.example.com:5432"_s << -1 << true << false << QString();
    QTest::newRow("its own address, with someone to ask")
        << u"db1.example.com:5432"_s << 0 << true << false << QString();
    QTest::newRow("another port is another address")
        << u"db1.example.com:5433"_s << -1 << false << false
        << u"'keychain:%1' was stored for db1.example.com:5432. OpsDeck does not send it to "
           "db1.example.com:5433 without your consent, and nobody is here to give it."_s;
    QTest::newRow("another host, headless")
        << u"evil.example.net:5432"_s << -1 << false << false
        << u"'keychain:%1' was stored for db1.example.com:5432. OpsDeck does not send it to "
           "evil.example.net:5432 without your consent, and nobody is here to give it."_s;
    QTest::newRow("another host, the user says no")
        << u"evil.example.net:5432"_s << 0 << false << true
        << u"'keychain:%1' was not sent to evil.example.net:5432: it was stored for "
           "db1.example.com:5432, and you did not agree to send it elsewhere."_s;
    QTest::newRow("another host, the user says yes")
        << u"replica.example.com:5432"_s << 1 << true << true << QString();
}

void CredentialStoreTest::boundToTheAddressItWasStoredFor()
{
    QFETCH(QString, address);
    QFETCH(int, send);
    QFETCH(bool, found);
    QFETCH(bool, asked);
    QFETCH(QString, message);
    const QString entry = entryName(u"bound"_s);
    const QString secret = u"bound-secret-"_s + uniqueSuffix();
    QCOMPARE(await(m_store->write(entry, secret, u"db1.example.com:5432"_s)).kind,
             Answer::Kind::Written);
    QStringList questions;
    const Answer answer = readAt(
        entry, address, send < 0 ? std::nullopt : std::optional<bool>(send == 1), &questions);
    QCOMPARE(answer.entry, entry);
    QCOMPARE(questions.size(), asked ? 1 : 0);
    if (asked)
        QCOMPARE(questions[0], u"bound: db1.example.com:5432 -> "_s + address);
    if (found) {
        QCOMPARE(answer.kind, Answer::Kind::Read);
        QVERIFY(answer.found);
        QCOMPARE(answer.secret, secret);
    } else {
        QCOMPARE(answer.kind, Answer::Kind::Failed);
        QCOMPARE(answer.message, message.arg(entry));
        QVERIFY(answer.secret.isEmpty());
    }
    QCOMPARE(await(m_store->remove(entry)).kind, Answer::Kind::Removed);
}

void CredentialStoreTest::consentIsAskedOnceAndKept()
{
    const QString entry = entryName(u"consent"_s);
    QCOMPARE(await(m_store->write(entry, u"s"_s, u"10.0.0.5:22"_s)).kind, Answer::Kind::Written);
    QStringList asked;
    QVERIFY(readAt(entry, u"10.0.0.6:22"_s, true, &asked).found);
    // Remembered for this entry and address, in the keychain: another store (another run of
    // OpsDeck) sends it without asking, even headless.
    QVERIFY(readAt(entry, u"10.0.0.6:22"_s, true, &asked).found);
    CredentialStore other;
    Answers otherAnswers(&other);
    const quint64 otherRead = other.readFor(entry, u"10.0.0.6:22"_s);
    QVERIFY(otherAnswers.waitFor({otherRead}));
    QVERIFY(otherAnswers.answer(otherRead).found);
    // A no is not remembered: the next attempt asks again.
    QCOMPARE(readAt(entry, u"10.0.0.7:22"_s, false, &asked).kind, Answer::Kind::Failed);
    QCOMPARE(readAt(entry, u"10.0.0.7:22"_s, false, &asked).kind, Answer::Kind::Failed);
    // The original address is never asked about.
    QVERIFY(readAt(entry, u"10.0.0.5:22"_s, false, &asked).found);
    QCOMPARE(asked, (QStringList{u"consent: 10.0.0.5:22 -> 10.0.0.6:22"_s,
                                 u"consent: 10.0.0.5:22 -> 10.0.0.7:22"_s,
                                 u"consent: 10.0.0.5:22 -> 10.0.0.7:22"_s}));
    // The binding is in the keychain, next to the secret, not in a file.
    const Answer binding = await(m_store->read(CredentialStore::bindingEntry(entry)));
    QVERIFY(binding.found);
    QVERIFY2(binding.secret.contains(u"10.0.0.6:22"_s), qPrintable(binding.secret));
    QVERIFY2(!binding.secret.contains(u"10.0.0.7:22"_s), qPrintable(binding.secret));
    QCOMPARE(await(m_store->remove(entry)).kind, Answer::Kind::Removed);
}

void CredentialStoreTest::writingWithAnAddressBindsAnew()
{
    const QString entry = entryName(u"rebind"_s);
    QCOMPARE(await(m_store->write(entry, u"old"_s, u"a:22"_s)).kind, Answer::Kind::Written);
    QVERIFY(readAt(entry, u"b:22"_s, true).found);
    // A new secret typed for c: bound to c alone; the consent for b went with the old one.
    QCOMPARE(await(m_store->write(entry, u"new"_s, u"c:22"_s)).kind, Answer::Kind::Written);
    QCOMPARE(readAt(entry, u"c:22"_s, std::nullopt).secret, u"new"_s);
    QCOMPARE(readAt(entry, u"b:22"_s, std::nullopt).kind, Answer::Kind::Failed);
    QCOMPARE(readAt(entry, u"a:22"_s, std::nullopt).kind, Answer::Kind::Failed);
    QCOMPARE(await(m_store->remove(entry)).kind, Answer::Kind::Removed);
}

void CredentialStoreTest::removeForgetsTheBinding()
{
    const QString entry = entryName(u"forgotten"_s);
    QCOMPARE(await(m_store->write(entry, u"s"_s, u"a:22"_s)).kind, Answer::Kind::Written);
    QCOMPARE(await(m_store->remove(entry)).kind, Answer::Kind::Removed);
    QVERIFY(!await(m_store->read(CredentialStore::bindingEntry(entry))).found);
    // Stored again by another tool (no address): the first use binds it.
    QCOMPARE(await(m_store->write(entry, u"t"_s)).kind, Answer::Kind::Written);
    QCOMPARE(readAt(entry, u"b:22"_s, std::nullopt).secret, u"t"_s);
    QCOMPARE(readAt(entry, u"a:22"_s, std::nullopt).kind, Answer::Kind::Failed);
    QCOMPARE(await(m_store->remove(entry)).kind, Answer::Kind::Removed);
}

void CredentialStoreTest::missingEntryIsNotBound()
{
    const QString entry = entryName(u"missing"_s);
    const Answer answer = readAt(entry, u"a:22"_s, std::nullopt);
    QCOMPARE(answer.kind, Answer::Kind::Read);
    QVERIFY(!answer.found);
    QVERIFY(!await(m_store->read(CredentialStore::bindingEntry(entry))).found);
    QCOMPARE(await(m_store->readFor(entry, QString())).kind, Answer::Kind::Failed);
}

void CredentialStoreTest::addresses_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("address");

    QTest::newRow("name") << u"DB1.Example.com"_s << 5432 << u"db1.example.com:5432"_s;
    QTest::newRow("IPv4") << u"10.0.0.5"_s << 22 << u"10.0.0.5:22"_s;
    QTest::newRow("IPv6") << u"fd00::5"_s << 22 << u"[fd00::5]:22"_s;
    QTest::newRow("IPv6 in brackets") << u"[fd00::5]"_s << 22 << u"[fd00::5]:22"_s;
}

void CredentialStoreTest::addresses()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, address);
    QCOMPARE(secretAddress(host, port), address);
}

// ---------------------------------------------------------------------------------------------
// Child process: no keychain reachable (DBUS_SESSION_BUS_ADDRESS points nowhere).

class MemoryOnlyTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void requestsBeforeTheProbeAreAnsweredFromMemory();
    void probeSwitchesToMemoryOnly();
    void roundTripsInMemory();
    void manyRequestsInOrder();
    void invalidRequestsStillFail();
    void storesDoNotShareMemory();
    void noPlaintextOnDisk();
    void bindingsInMemoryToo();
};

void MemoryOnlyTest::initTestCase()
{
    const QString problem = sandboxProblem();
    if (!problem.isEmpty())
        QFAIL(qPrintable(problem));
    QCOMPARE(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"), deadBusAddress());
    QVERIFY(!QFileInfo::exists(QDir(qEnvironmentVariable("HOME")).filePath(u"no-such-bus"_s)));
}

void MemoryOnlyTest::requestsBeforeTheProbeAreAnsweredFromMemory()
{
    CredentialStore store;
    Answers answers(&store);
    QSignalSpy memoryOnly(&store, &CredentialStore::memoryOnlyChanged);
    QVERIFY(!store.isMemoryOnly());

    // Sent to QtKeychain, which fails; the store switches and answers them from memory.
    const QList<quint64> ids{store.write(u"early"_s, u"kept in memory"_s), store.read(u"early"_s),
                             store.probe()};
    QVERIFY(answers.waitFor(ids));
    QCOMPARE(answers.answer(ids.at(0)).kind, Answer::Kind::Written);
    QVERIFY(answers.answer(ids.at(1)).found);
    QCOMPARE(answers.answer(ids.at(1)).secret, u"kept in memory"_s);
    QCOMPARE(answers.answer(ids.at(2)).kind, Answer::Kind::Probed);
    QVERIFY(answers.answer(ids.at(2)).memoryOnly);
    QVERIFY(store.isMemoryOnly());
    QCOMPARE(memoryOnly.count(), 1);
    QCOMPARE(memoryOnly.at(0).at(0).toBool(), true);
    QVERIFY(answers.duplicates().isEmpty());
}

void MemoryOnlyTest::probeSwitchesToMemoryOnly()
{
    CredentialStore store;
    Answers answers(&store);
    QSignalSpy memoryOnly(&store, &CredentialStore::memoryOnlyChanged);

    const quint64 id = store.probe();
    QVERIFY(!store.isMemoryOnly()); // decided asynchronously
    QVERIFY(answers.waitFor({id}));
    QCOMPARE(answers.answer(id).kind, Answer::Kind::Probed);
    QVERIFY(answers.answer(id).memoryOnly);
    QVERIFY(store.isMemoryOnly());
    QCOMPARE(memoryOnly.count(), 1);
    QCOMPARE(memoryOnly.at(0).at(0).toBool(), true);

    const QString reason = store.memoryOnlyReason();
    QVERIFY2(reason.contains(u"No system keychain is available"_s), qPrintable(reason));
    QVERIFY2(reason.contains(u"kept in memory until OpsDeck quits"_s), qPrintable(reason));
    qInfo("memory-only reason: %s", qPrintable(reason));

    // Probing again says the same and changes nothing.
    const quint64 again = store.probe();
    QVERIFY(answers.waitFor({again}));
    QVERIFY(answers.answer(again).memoryOnly);
    QCOMPARE(memoryOnly.count(), 1);
    QVERIFY(store.isMemoryOnly());
}

void MemoryOnlyTest::roundTripsInMemory()
{
    CredentialStore store;
    Answers answers(&store);
    const quint64 probe = store.probe();
    QVERIFY(answers.waitFor({probe}));
    QVERIFY(store.isMemoryOnly());

    const QString longSecret = randomPrintable(256 * 1024);
    const qsizetype before = answers.count();
    const QList<quint64> ids{
        store.read(u"acme/wiki-db"_s),                   // 0: not there
        store.write(u"acme/wiki-db"_s, u"Pässwörd-🔑"_s), // 1
        store.read(u"acme/wiki-db"_s),                   // 2
        store.write(u"acme/wiki-db"_s, u"replaced"_s),   // 3
        store.read(u"acme/wiki-db"_s),                   // 4
        store.write(u"long"_s, longSecret),              // 5
        store.read(u"long"_s),                           // 6
        store.remove(u"acme/wiki-db"_s),                 // 7
        store.read(u"acme/wiki-db"_s),                   // 8
        store.remove(u"never there"_s),                  // 9
    };
    QCOMPARE(answers.count(), before); // answered later, as with the keychain
    QVERIFY(answers.waitFor(ids));
    QVERIFY(!answers.answer(ids.at(0)).found);
    QCOMPARE(answers.answer(ids.at(1)).kind, Answer::Kind::Written);
    QCOMPARE(answers.answer(ids.at(2)).secret, u"Pässwörd-🔑"_s);
    QCOMPARE(answers.answer(ids.at(4)).secret, u"replaced"_s);
    QVERIFY(answers.answer(ids.at(6)).secret == longSecret);
    QCOMPARE(answers.answer(ids.at(7)).kind, Answer::Kind::Removed);
    QVERIFY(!answers.answer(ids.at(8)).found);
    QCOMPARE(answers.answer(ids.at(9)).kind, Answer::Kind::Removed);
    QVERIFY(answers.duplicates().isEmpty());
}

void MemoryOnlyTest::manyRequestsInOrder()
{
    CredentialStore store;
    Answers answers(&store);
    const quint64 probe = store.probe();
    QVERIFY(answers.waitFor({probe}));

    QList<quint64> ids;
    QMap<quint64, int> reads;
    for (int i = 0; i < 100; ++i) {
        ids.append(store.write(u"many/%1"_s.arg(i), u"secret #%1"_s.arg(i)));
        const quint64 read = store.read(u"many/%1"_s.arg(99 - i)); // written later, or already
        ids.append(read);
        reads.insert(read, 99 - i);
    }
    QVERIFY(answers.waitFor(ids));
    for (auto it = reads.cbegin(); it != reads.cend(); ++it) {
        const Answer answer = answers.answer(it.key());
        QCOMPARE(answer.entry, u"many/%1"_s.arg(it.value()));
        // Entry k is written in round k and read in round 99 - k (after the write of that
        // round): requests run in order, so it is found exactly when k <= 99 - k.
        const int k = it.value();
        QCOMPARE(answer.found, k <= 99 - k);
        if (answer.found)
            QCOMPARE(answer.secret, u"secret #%1"_s.arg(it.value()));
    }
    QList<quint64> arrived;
    for (const quint64 id : answers.order()) {
        if (ids.contains(id))
            arrived.append(id);
    }
    QCOMPARE(arrived, ids);
}

void MemoryOnlyTest::invalidRequestsStillFail()
{
    CredentialStore store;
    Answers answers(&store);
    const quint64 probe = store.probe();
    QVERIFY(answers.waitFor({probe}));
    const QList<quint64> ids{store.read(QString()), store.write(u"e"_s, QString()),
                             store.write(u"e"_s, u"a"_s + QChar(u'\0') + u"b"_s)};
    QVERIFY(answers.waitFor(ids));
    for (const quint64 id : ids)
        QCOMPARE(answers.answer(id).kind, Answer::Kind::Failed);
}

void MemoryOnlyTest::storesDoNotShareMemory()
{
    // Memory-only secrets belong to their store object and die with it.
    QString secretEntry = u"per-store"_s;
    {
        CredentialStore first;
        Answers answers(&first);
        const quint64 write = first.write(secretEntry, u"only in the first"_s);
        QVERIFY(answers.waitFor({write}));
        QVERIFY(first.isMemoryOnly());
    }
    CredentialStore second;
    Answers answers(&second);
    const quint64 probe = second.probe();
    const quint64 read = second.read(secretEntry);
    QVERIFY(answers.waitFor({probe, read}));
    QVERIFY(!answers.answer(read).found);
}

void MemoryOnlyTest::noPlaintextOnDisk()
{
    const QString canary = qEnvironmentVariable(ChildCanaryVariable);
    QVERIFY(!canary.isEmpty());
    CredentialStore store;
    Answers answers(&store);
    const quint64 probe = store.probe();
    const quint64 write = store.write(u"memory-only/canary"_s, canary);
    const quint64 read = store.read(u"memory-only/canary"_s);
    QVERIFY(answers.waitFor({probe, write, read}));
    QVERIFY(store.isMemoryOnly());
    QCOMPARE(answers.answer(read).secret, canary);

    const QString distinctive = canary.section(u' ', 2, 2);
    QVERIFY(distinctive.size() >= 32);
    const Scan scan = scanFiles(sandboxRoots(), plaintextForms(canary, distinctive));
    QVERIFY(!scan.scanned.isEmpty());
    QVERIFY2(scan.containing.isEmpty(), qPrintable(scan.containing.join(u", "_s)));
    QVERIFY2(scan.unreadable.isEmpty(), qPrintable(scan.unreadable.join(u", "_s)));
}

// ---------------------------------------------------------------------------------------------
// Other child modes: one line on stdout, exit status 0 when the mode ran to its end.

namespace {

// Reads one entry as a separate process would; prints "found SHA256", "not-found" or "failed".
int childRead()
{
    const QString entry = qEnvironmentVariable(ChildEntryVariable);
    CredentialStore store;
    QTextStream out(stdout);
    int status = 3;
    QObject::connect(&store, &CredentialStore::readFinished, &store,
                     [&](quint64, const QString &, bool found, const QString &secret) {
                         out << (found ? QByteArray("found " + sha256Hex(secret))
                                       : QByteArray("not-found"))
                             << Qt::endl;
                         status = store.isMemoryOnly() ? 4 : 0;
                         QCoreApplication::quit();
                     });
    QObject::connect(&store, &CredentialStore::failed, &store,
                     [&](quint64, const QString &, const QString &message) {
                         out << "failed " << message << Qt::endl;
                         status = 5;
                         QCoreApplication::quit();
                     });
    store.read(entry);
    QTimer::singleShot(AnswerTimeoutMs, &store, [] { QCoreApplication::exit(6); });
    const int loop = QCoreApplication::exec();
    return loop != 0 ? loop : status;
}

// Probes with a short timeout; prints "memory-only: REASON" or "keychain".
int childProbeTimeout()
{
    CredentialStore store;
    store.setProbeTimeout(500ms);
    QTextStream out(stdout);
    int status = 3;
    QObject::connect(&store, &CredentialStore::probed, &store, [&](quint64, bool memoryOnly) {
        if (memoryOnly)
            out << "memory-only: " << store.memoryOnlyReason() << Qt::endl;
        else
            out << "keychain" << Qt::endl;
        status = memoryOnly && store.memoryOnlyReason().contains(u"did not answer"_s) ? 0 : 4;
        QCoreApplication::quit();
    });
    store.probe();
    QTimer::singleShot(AnswerTimeoutMs, &store, [] { QCoreApplication::exit(6); });
    const int loop = QCoreApplication::exec();
    return loop != 0 ? loop : status;
}

} // namespace

void MemoryOnlyTest::bindingsInMemoryToo()
{
    CredentialStore store;
    Answers answers(&store);
    const quint64 probe = store.probe();
    QVERIFY(answers.waitFor({probe}));
    QVERIFY(store.isMemoryOnly());
    const QList<quint64> ids{store.write(u"m"_s, u"s"_s, u"a:22"_s),
                             store.readFor(u"m"_s, u"a:22"_s), store.readFor(u"m"_s, u"b:22"_s)};
    QVERIFY(answers.waitFor(ids));
    QCOMPARE(answers.answer(ids.at(0)).kind, Answer::Kind::Written);
    QCOMPARE(answers.answer(ids.at(1)).secret, u"s"_s);
    QCOMPARE(answers.answer(ids.at(2)).kind, Answer::Kind::Failed);
    QVERIFY(answers.duplicates().isEmpty());
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString mode = qEnvironmentVariable(ChildModeVariable);
    if (mode == u"memory-only") {
        MemoryOnlyTest test;
        return QTest::qExec(&test, argc, argv);
    }
    if (mode == u"read")
        return childRead();
    if (mode == u"probe-timeout")
        return childProbeTimeout();
    CredentialStoreTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore.moc"
