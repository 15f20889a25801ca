// SPDX-License-Identifier: GPL-3.0-or-later
// Generated shell against the safety gate: every command it rates Read runs for real, inside
// bubblewrap with the root file system read-only and a scratch directory of files it may
// name. When the scratch directory changed, a command that writes was rated Read: the test
// fails and prints it. Nothing else on the machine can be touched, whatever the gate says.
//   OPSDECK_GATE_FUZZ_SEED=N OPSDECK_GATE_FUZZ_RUNS=N: another seed or more inputs.
// Where bwrap cannot make namespaces (a chroot), the lines run as `nobody` instead.
#include "models/remote/commandrisk.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

// Pieces from both sides of the gate: readers, writers, tricks that hide a writer.
class ShellGenerator
{
public:
    explicit ShellGenerator(quint32 seed)
        : m_random(seed)
    {
    }

    QString script()
    {
        QString text = list(0);
        if (pick(8) == 0)
            text = assignment() + u"; "_s + text;
        return text;
    }

private:
    int pick(int n) { return int(m_random.bounded(n)); }
    template<typename T>
    const T &oneOf(const QList<T> &items)
    {
        return items.at(pick(int(items.size())));
    }

    QString file()
    {
        static const QList<QString> files = {
            u"f1"_s,   u"f2"_s, u"d1"_s, u"d1/g"_s, u"new"_s, u"/tmp/scratch/f1"_s,
            u"./f2"_s, u"*"_s,  u"f?"_s, u"d1/*"_s, u"-"_s};
        return quoted(oneOf(files));
    }

    QString quoted(const QString &word)
    {
        switch (pick(6)) {
        case 0:
            return u"'"_s + word + u"'"_s;
        case 1:
            return u"\""_s + word + u"\""_s;
        case 2:
            return u"\\"_s + word;
        default:
            return word;
        }
    }

    QString assignment()
    {
        static const QList<QString> assignments = {u"X=rm"_s,       u"X=-delete"_s, u"X=f1"_s,
                                                   u"X='-i'"_s,     u"IFS=/"_s,     u"X=\"w f1\""_s,
                                                   u"Y=$(rm f1)"_s, u"X=touch"_s};
        return oneOf(assignments);
    }

    QString option(const QString &program)
    {
        static const QHash<QString, QList<QString>> options = {
            {u"find"_s,
             {u"-name f1"_s, u"-delete"_s, u"-exec rm {} ;"_s, u"-exec cat {} ;"_s, u"-fprint f2"_s,
              u"-type f"_s, u"-print"_s, u"$X"_s, u"-newer f1"_s}},
            {u"sed"_s,
             {u"-i"_s, u"-n"_s, u"-e p"_s, u"'w f2'"_s, u"'s/a/b/w f2'"_s, u"'s/a/b/'"_s,
              u"--in-place"_s, u"-Ei"_s, u"'1d'"_s, u"$X"_s}},
            {u"sort"_s, {u"-o f2"_s, u"-r"_s, u"-n"_s, u"--output=f2"_s}},
            {u"uniq"_s, {u"-c"_s, u"f2"_s}},
            {u"awk"_s,
             {u"'{print}'"_s, u"'{print > \"f2\"}'"_s, u"'BEGIN{system(\"rm f1\")}'"_s,
              u"'$1 > 0'"_s, u"-F:"_s}},
            {u"tar"_s, {u"-tf"_s, u"-cf f2"_s, u"-xf f1"_s}},
            {u"gzip"_s, {u"-c"_s, u"-d"_s, u"-k"_s}},
            {u"date"_s, {u"+%s"_s, u"-s 2020-01-01"_s}},
            {u"cp"_s, {u"-r"_s}},
            {u"dd"_s, {u"if=f1"_s, u"of=f2"_s}},
            {u"xargs"_s, {u"rm"_s, u"cat"_s, u"-n1 touch"_s, u"echo"_s}},
            {u"env"_s, {u"rm"_s, u"cat"_s, u"X=1 touch"_s}},
            {u"timeout"_s, {u"5 rm"_s, u"5 cat"_s, u"5 touch"_s}},
            {u"sh"_s, {u"-c 'rm f1'"_s, u"-c 'cat f1'"_s, u"-c \"$X f1\""_s, u"-c 'ls > f2'"_s}},
            {u"tee"_s, {u"-a"_s}},
            {u"ln"_s, {u"-s"_s}},
        };
        const QList<QString> mine = options.value(program);
        return mine.isEmpty() ? QString() : oneOf(mine);
    }

    QString simpleCommand(int depth)
    {
        // Mostly readers with their flags, whose writing flags are where a gate slips.
        static const QList<QString> readers = {
            u"cat"_s,      u"ls"_s,         u"grep a"_s, u"head -1"_s,   u"wc -l"_s,   u"echo"_s,
            u"find ."_s,   u"sed"_s,        u"awk"_s,    u"sort"_s,      u"uniq"_s,    u"tail -1"_s,
            u"stat"_s,     u"du -s"_s,      u"date"_s,   u"printf %s"_s, u"test -f"_s, u"xargs"_s,
            u"env"_s,      u"timeout"_s,    u"sh"_s,     u"tar"_s,       u"gzip"_s,    u"true"_s,
            u"exec cat"_s, u"command cat"_s};
        static const QList<QString> writers = {u"rm"_s,
                                               u"cp"_s,
                                               u"mv"_s,
                                               u"touch"_s,
                                               u"truncate -s0"_s,
                                               u"dd"_s,
                                               u"mkdir"_s,
                                               u"ln"_s,
                                               u"chmod 0"_s,
                                               u"tee"_s,
                                               u"$X"_s,
                                               u"r\\m"_s,
                                               u"/bin/rm"_s,
                                               u"'rm'"_s,
                                               u"eval rm"_s,
                                               u"python3 -c 'open(\"f1\",\"w\")'"_s,
                                               u"perl -e 'unlink \"f1\"'"_s,
                                               u"{rm,f1}"_s,
                                               u"command rm"_s};
        QString command = pick(5) == 0 ? oneOf(writers) : oneOf(readers);
        const QString program = command.section(u' ', 0, 0);
        for (int i = pick(3); i >= 0; --i) {
            if (const QString o = option(program); !o.isEmpty() && pick(2) == 0)
                command += u' ' + o;
            command += u' ' + word(depth);
        }
        if (pick(4) == 0)
            command += u' ' + redirection();
        return command;
    }

    QString word(int depth)
    {
        if (depth < 2 && pick(10) == 0)
            return u"$("_s + list(depth + 1) + u')';
        if (depth < 2 && pick(14) == 0)
            return u"\"$("_s + list(depth + 1) + u")\""_s;
        if (pick(12) == 0)
            return u"$X"_s;
        return file();
    }

    QString redirection()
    {
        static const QList<QString> redirections = {
            u"> f2"_s,  u">> f1"_s, u"2>/dev/null"_s, u">&2"_s, u"< f1"_s,  u"2>&1"_s, u">| f2"_s,
            u"&> f2"_s, u"<> f1"_s, u"> /dev/null"_s, u">$X"_s, u"<<< x"_s, u"1>f2"_s, u">&f2"_s};
        return oneOf(redirections);
    }

    QString list(int depth)
    {
        QString text = compound(depth);
        for (int i = pick(3); i > 0; --i) {
            static const QList<QString> separators = {u"; "_s,  u" && "_s, u" || "_s,
                                                      u" | "_s, u"\n"_s,   u" & "_s};
            text += oneOf(separators) + compound(depth);
        }
        return text;
    }

    QString compound(int depth)
    {
        if (depth >= 2)
            return simpleCommand(depth);
        switch (pick(12)) {
        case 0:
            return u"if "_s + simpleCommand(depth) + u"; then "_s + list(depth + 1) + u"; fi"_s;
        case 1:
            return u"for x in f1 f2; do "_s + list(depth + 1) + u"; done"_s;
        case 2:
            return u"{ "_s + list(depth + 1) + u"; }"_s;
        case 3:
            return u"( "_s + list(depth + 1) + u" )"_s;
        case 4:
            return u"f() { "_s + list(depth + 1) + u"; }; f"_s;
        case 5:
            return simpleCommand(depth) + u" <<'EOF'\n"_s + list(depth + 1) + u"\nEOF"_s;
        case 6:
            return u"sh <<'EOF'\n"_s + list(depth + 1) + u"\nEOF"_s;
        default:
            return simpleCommand(depth);
        }
    }

    QRandomGenerator m_random;
};

// Names, sizes, modes and contents of everything in the directory.
QByteArray snapshot(const QString &path)
{
    QByteArray state;
    QDirIterator it(path, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    QStringList entries;
    while (it.hasNext())
        entries.append(it.next());
    entries.sort();
    for (const QString &entry : std::as_const(entries)) {
        const QFileInfo info(entry);
        state += entry.toUtf8() + ' ' + QByteArray::number(int(info.permissions())) + ' ' +
                 QByteArray::number(info.size()) + ' ';
        if (info.isFile() && !info.isSymLink()) {
            QFile file(entry);
            if (file.open(QIODevice::ReadOnly))
                state +=
                    QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
        }
        if (info.isSymLink())
            state += info.symLinkTarget().toUtf8();
        state += '\n';
    }
    return state;
}

void populate(const QString &path)
{
    QDir(path).mkpath(u"d1"_s);
    for (const auto &[name, content] :
         {std::pair{u"f1"_s, QByteArray("a\nb\n")}, std::pair{u"f2"_s, QByteArray("1 2\n3 4\n")},
          std::pair{u"d1/g"_s, QByteArray("g\n")}}) {
        QFile file(path + u'/' + name);
        if (file.open(QIODevice::WriteOnly))
            file.write(content);
    }
}

} // namespace

class GateSandboxTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sandboxCatchesAWrite();
    void whatTheGateCallsReadChangesNothing();

private:
    // Runs text with sh inside the sandbox; false when the sandbox itself failed.
    bool runSandboxed(const QString &scratch, const QString &text, QString *error);

    QString m_bwrap;
};

void GateSandboxTest::initTestCase()
{
    m_bwrap = QStandardPaths::findExecutable(u"bwrap"_s);
    QVERIFY2(!m_bwrap.isEmpty(), "bwrap is missing: installer/packages.txt lists bubblewrap");
    QTemporaryDir probe;
    QString error;
    // OPSDECK_GATE_SANDBOX=nobody: the fallback below even where bwrap works.
    if (qEnvironmentVariable("OPSDECK_GATE_SANDBOX") != u"nobody" &&
        runSandboxed(probe.path(), u"true"_s, &error))
        return;
    // A chroot cannot make mount namespaces. As root, the lines then run as `nobody`, who can
    // write nowhere but the scratch directory and the world-writable temporary folders.
    m_bwrap.clear();
    if (geteuid() != 0 || QStandardPaths::findExecutable(u"setpriv"_s).isEmpty())
        QSKIP(qPrintable(u"no sandbox here: "_s + error.trimmed()));
    qInfo("bwrap cannot sandbox here (%s); running the lines as nobody instead",
          qPrintable(error.trimmed()));
}

bool GateSandboxTest::runSandboxed(const QString &scratch, const QString &text, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setProcessEnvironment(QProcessEnvironment());
    if (m_bwrap.isEmpty()) {
        // Owned by nobody, so that a write the gate missed lands there and is seen.
        if (::chown(scratch.toLocal8Bit().constData(), 65534, 65534) != 0)
            return false;
        QDirIterator it(scratch, QDir::AllEntries | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            (void)::chown(it.next().toLocal8Bit().constData(), 65534, 65534);
        process.setWorkingDirectory(scratch);
        process.start(u"setpriv"_s, {u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s,
                                     u"/bin/sh"_s, u"-c"_s, text});
        process.closeWriteChannel();
        if (!process.waitForFinished(5000)) {
            process.kill();
            process.waitForFinished(1000);
        }
        return true;
    }
    process.start(m_bwrap, {u"--ro-bind"_s,
                            u"/"_s,
                            u"/"_s,
                            u"--tmpfs"_s,
                            u"/tmp"_s,
                            u"--bind"_s,
                            scratch,
                            u"/tmp/scratch"_s,
                            u"--dev"_s,
                            u"/dev"_s,
                            u"--proc"_s,
                            u"/proc"_s,
                            u"--unshare-all"_s,
                            u"--die-with-parent"_s,
                            u"--chdir"_s,
                            u"/tmp/scratch"_s,
                            u"--setenv"_s,
                            u"PATH"_s,
                            u"/usr/bin:/bin"_s,
                            u"/bin/sh"_s,
                            u"-c"_s,
                            text});
    process.closeWriteChannel();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(1000);
    }
    const QByteArray output = process.readAll();
    if (output.startsWith("bwrap:")) {
        *error = QString::fromUtf8(output);
        return false;
    }
    return true;
}

void GateSandboxTest::sandboxCatchesAWrite()
{
    // The harness must notice a write, or a passing run would prove nothing.
    QTemporaryDir scratch;
    populate(scratch.path());
    const QByteArray before = snapshot(scratch.path());
    QString error;
    QVERIFY2(runSandboxed(scratch.path(), u"rm f1"_s, &error), qPrintable(error));
    QVERIFY(snapshot(scratch.path()) != before);
}

void GateSandboxTest::whatTheGateCallsReadChangesNothing()
{
    const quint32 seed = qEnvironmentVariableIsSet("OPSDECK_GATE_FUZZ_SEED")
                             ? quint32(qEnvironmentVariableIntValue("OPSDECK_GATE_FUZZ_SEED"))
                             : 1;
    const int runs = qEnvironmentVariableIsSet("OPSDECK_GATE_FUZZ_RUNS")
                         ? qEnvironmentVariableIntValue("OPSDECK_GATE_FUZZ_RUNS")
                         : 4000;
    ShellGenerator generator(seed);
    int read = 0;
    QHash<Risk, int> counts;
    for (int i = 0; i < runs; ++i) {
        const QString text = generator.script();
        const RiskAssessment risk = assessCommandRisk(text);
        ++counts[risk.risk];
        if (risk.risk != Risk::Read)
            continue;
        ++read;
        QTemporaryDir scratch;
        populate(scratch.path());
        const QByteArray before = snapshot(scratch.path());
        QString error;
        QVERIFY2(runSandboxed(scratch.path(), text, &error), qPrintable(error));
        const QByteArray after = snapshot(scratch.path());
        QVERIFY2(after == before,
                 qPrintable(u"rated Read but changed the scratch directory (seed %1, input %2):\n"_s
                                .arg(seed)
                                .arg(i) +
                            text));
    }
    qInfo("%d inputs: %d read (run in the sandbox), %d change, %d unknown, %d destroy", runs, read,
          counts.value(Risk::Change), counts.value(Risk::Unknown), counts.value(Risk::Destroy));
    QVERIFY2(read >= runs / 20, "too few inputs were rated Read to test anything");
}

QTEST_GUILESS_MAIN(GateSandboxTest)
#include "tst_gatesandbox.moc"
