// SPDX-License-Identifier: GPL-3.0-or-later
// Runbook values stay data: values from an injection corpus through every quoting context,
// judged by real bash and sh. Where a value is allowed it must arrive verbatim as one argument
// and create no marker file; where a second interpreter would read it again, or it would become
// an option, the step is refused with a message that names the placeholder and why.
#include "models/runbooks/placeholdervalues.h"
#include "models/runbooks/runbookparser.h"
#include "models/runbooks/stepscript.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

// How a context treats values.
enum class Takes {
    Anything,   // the value arrives verbatim, whatever it holds
    OneLine,    // verbatim, but a line break is refused (a literal here-document)
    PlainOnly,  // a second interpreter reads it: only plain values, the rest refused
    NotOptions, // verbatim, but a value starting with '-' is refused
};

struct Context {
    const char *name;
    QString code;   // <x> is the placeholder
    QString reader; // what the refusal names
    Takes takes;
    bool runnable;       // the test can run it here (no kubectl, docker or sshd needed)
    QString prefix = {}; // printed before the value
};

// A marker file named M: a value that runs a command would create it.
const QStringList Corpus = {u"a;touch M"_s,
                            u"$(touch M)"_s,
                            u"`touch M`"_s,
                            u"it's"_s,
                            u"say \"hi\""_s,
                            u"a'b\"c"_s,
                            u"x\ntouch M"_s,
                            u"a|touch M"_s,
                            u"a&touch M"_s,
                            u"a>M"_s,
                            u"a b"_s,
                            u"*"_s,
                            u"?"_s,
                            u"[a-z]*"_s,
                            u"-rf"_s,
                            u"back\\slash"_s,
                            u"${IFS}x"_s,
                            u"~root"_s,
                            u"a=b"_s,
                            u"%s%n"_s,
                            u"api-7"_s,
                            u"10.0.0.5"_s,
                            u"/var/log/app.log"_s,
                            u"user@host:22"_s,
                            u"a+b_c.d"_s};

QList<Context> contexts()
{
    return {
        {"bare", u"printf '%s\\n' <x>"_s, {}, Takes::Anything, true},
        {"single quotes", u"printf '%s\\n' '<x>'"_s, {}, Takes::Anything, true},
        {"double quotes", u"printf '%s\\n' \"<x>\""_s, {}, Takes::Anything, true},
        {"inside a word", u"printf '%s\\n' pre-\"<x>\""_s, {}, Takes::Anything, true, u"pre-"_s},
        {"expanding here-document", u"cat <<EOF\n<x>\nEOF"_s, {}, Takes::Anything, true},
        {"literal here-document", u"cat <<'EOF'\n<x>\nEOF"_s, {}, Takes::OneLine, true},
        {"sh -c", u"sh -c 'printf \"%s\\n\" <x>'"_s, u"`sh -c`"_s, Takes::PlainOnly, true},
        {"bash -c in double quotes", u"bash -c \"printf '%s\\n' <x>\""_s, u"`bash -c`"_s,
         Takes::PlainOnly, true},
        {"eval", u"eval \"printf '%s\\n' '<x>'\""_s, u"`eval`"_s, Takes::PlainOnly, true},
        {"ssh", u"ssh web-1 \"printf '%s\\n'\" <x>"_s, u"`ssh`"_s, Takes::PlainOnly, true},
        {"ssh with options", u"ssh -p 22 -o BatchMode=yes web-1 \"printf '%s\\n' <x>\""_s,
         u"`ssh`"_s, Takes::PlainOnly, true},
        {"here-document to sh", u"sh <<EOF\nprintf '%s\\n' <x>\nEOF"_s, u"`sh`"_s, Takes::PlainOnly,
         true},
        {"literal here-document to bash", u"bash <<'EOF'\nprintf '%s\\n' <x>\nEOF"_s, u"`bash`"_s,
         Takes::PlainOnly, true},
        {"pipe into sh", u"echo \"printf '%s\\n' <x>\" | sh"_s, u"`sh`"_s, Takes::PlainOnly, true},
        {"sudo sh -c", u"sudo -u app sh -c 'printf \"%s\\n\" <x>'"_s, u"`sh -c`"_s,
         Takes::PlainOnly, false},
        {"kubectl exec sh -c", u"kubectl exec -n prod api-0 -- sh -c 'cat /logs/<x>'"_s,
         u"`sh -c`"_s, Takes::PlainOnly, false},
        {"docker exec sh -c", u"docker exec -u root web sh -c \"ls <x>\""_s, u"`sh -c`"_s,
         Takes::PlainOnly, false},
        {"psql -c", u"psql -X -c \"SELECT '<x>'\""_s, u"`psql -c`"_s, Takes::PlainOnly, false},
        {"here-document to psql", u"psql -X <<'SQL'\nSELECT '<x>';\nSQL"_s, u"`psql`"_s,
         Takes::PlainOnly, false},
        {"su -c", u"su - app -c \"ls <x>\""_s, u"`su -c`"_s, Takes::PlainOnly, false},
        {"watch", u"watch -n 5 ls <x>"_s, u"`watch`"_s, Takes::PlainOnly, false},
        {"ls", u"ls <x>"_s, u"`ls`"_s, Takes::NotOptions, false},
    };
}

bool refuses(Takes takes, const QString &value)
{
    switch (takes) {
    case Takes::Anything:
        return false;
    case Takes::OneLine:
        return value.contains(u'\n');
    case Takes::PlainOnly:
        return !isPlainValue(value);
    case Takes::NotOptions:
        return value.startsWith(u'-');
    }
    return true;
}

RunbookBlock blockOf(const QString &language, const QString &code)
{
    const Runbook runbook = parseRunbook(
        (u"# Step\n\n```"_s + language + u'\n' + code + u"\n```\n"_s).toUtf8(), u"step.md"_s);
    return runbook.sections.constLast().blocks.constLast();
}

PreparedStep prepare(const QString &language, const QString &code,
                     const QMap<QString, QString> &values)
{
    StepInputs inputs;
    inputs.target = u"web-1"_s;
    inputs.values = values;
    inputs.markerToken = "7e57";
    return prepareStep(blockOf(language, code), Workspace(), inputs);
}

// Runs the prepared argv in dir; `ssh HOST words…` behaves as ssh does: the words joined with
// spaces, read by the remote shell (here: sh on this machine).
QString run(const PreparedStep &prepared, const QString &dir, int *exitCode)
{
    QStringList argv = prepared.request.argv;
    argv[2] = u"ssh() { while [ \"${1#-}\" != \"$1\" ]; do case $1 in -[po]) shift ;; esac; "
              "shift; done; shift; sh -c \"$*\"; }\n"_s +
              argv[2];
    QProcess shell;
    shell.setWorkingDirectory(dir);
    shell.start(argv.takeFirst(), argv);
    if (!shell.waitForFinished(10000))
        return u"(timed out)"_s;
    *exitCode = shell.exitCode();
    return QString::fromUtf8(shell.readAllStandardOutput() + shell.readAllStandardError());
}

} // namespace

class PlaceholderValuesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainValues_data();
    void plainValues();
    void corpus_data();
    void corpus();
    void options_data();
    void options();
};

void PlaceholderValuesTest::plainValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("plain");
    QTest::newRow("name") << u"api-7"_s << true;
    QTest::newRow("address") << u"10.0.0.5:5432"_s << true;
    QTest::newRow("path") << u"/var/log/app.log"_s << true;
    QTest::newRow("user at host") << u"ops+1@db_2"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("leading dash") << u"-rf"_s << false;
    QTest::newRow("space") << u"a b"_s << false;
    QTest::newRow("glob") << u"a*"_s << false;
    QTest::newRow("quote") << u"a'b"_s << false;
    QTest::newRow("dollar") << u"$x"_s << false;
    QTest::newRow("tilde") << u"~root"_s << false;
    QTest::newRow("equals") << u"a=b"_s << false;
    QTest::newRow("non-ascii letter") << u"grüße"_s << false;
}

void PlaceholderValuesTest::plainValues()
{
    QFETCH(QString, value);
    QFETCH(bool, plain);
    QCOMPARE(isPlainValue(value), plain);
}

void PlaceholderValuesTest::corpus_data()
{
    QTest::addColumn<QString>("language"); // bash or sh: who runs the step
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("reader");
    QTest::addColumn<bool>("refused");
    QTest::addColumn<bool>("runnable");
    QTest::addColumn<QString>("prefix");
    for (const QString &language : {u"bash"_s, u"sh"_s}) {
        for (const Context &context : contexts()) {
            for (qsizetype i = 0; i < Corpus.size(); ++i) {
                const QString &value = Corpus[i];
                QTest::addRow("%s, %s, %s", qPrintable(language), context.name,
                              qPrintable(QString(value).replace(u'\n', u"\\n"_s)))
                    << language << context.code << value << context.reader
                    << refuses(context.takes, value) << context.runnable << context.prefix;
            }
        }
    }
}

void PlaceholderValuesTest::corpus()
{
    QFETCH(QString, language);
    QFETCH(QString, code);
    QFETCH(QString, value);
    QFETCH(QString, reader);
    QFETCH(bool, refused);
    QFETCH(bool, runnable);
    QFETCH(QString, prefix);

    const PreparedStep prepared = prepare(language, code, {{u"<x>"_s, value}});
    if (refused) {
        QVERIFY2(!prepared.canRun(), qPrintable(prepared.request.argv.value(2)));
        QVERIFY2(prepared.error.contains(u"<x> "_s), qPrintable(prepared.error));
        if (!reader.isEmpty())
            QVERIFY2(prepared.error.contains(reader), qPrintable(prepared.error));
        return;
    }
    QVERIFY2(prepared.canRun(), qPrintable(prepared.error));
    if (!runnable)
        return;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    int exitCode = -1;
    const QString output = run(prepared, dir.path(), &exitCode);
    QCOMPARE(output, prefix + value + u'\n');
    QCOMPARE(exitCode, 0);
    QVERIFY2(!QFile::exists(dir.filePath(u"M"_s)), "a value ran as a command");
}

void PlaceholderValuesTest::options_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("values"); // placeholder=value
    QTest::addColumn<QString>("error");      // empty: it runs, and prints output
    QTest::addColumn<QString>("output");

    QTest::newRow("find given -delete")
        << u"find <dir> -name x"_s << QStringList{u"<dir>=-delete"_s}
        << u"<dir> would be read as an option by `find` (it starts with '-')"_s << QString();
    QTest::newRow("ls given -la") << u"ls \"<path>\""_s << QStringList{u"<path>=-la"_s}
                                  << u"<path> would be read as an option by `ls` (it starts "
                                     "with '-')"_s
                                  << QString();
    QTest::newRow("after --: grep given -v")
        << u"printf '%s\\n' a -v > f\ngrep -- <pattern> f"_s << QStringList{u"<pattern>=-v"_s}
        << QString() << u"-v\n"_s;
    QTest::newRow("grep given -v before --")
        << u"grep <pattern> f"_s << QStringList{u"<pattern>=-v"_s}
        << u"<pattern> would be read as an option by `grep`"_s << QString();
    QTest::newRow("part of a word is no option")
        << u"printf '%s\\n' a > f\ngrep -c x<pattern> f"_s << QStringList{u"<pattern>=-v"_s}
        << QString() << u"0\n"_s;
    QTest::newRow("through sudo") << u"sudo rm -r <dir>"_s << QStringList{u"<dir>=-fr"_s}
                                  << u"<dir> would be read as an option by `rm`"_s << QString();
    QTest::newRow("kubectl exec command")
        << u"kubectl exec api-0 -- ls <dir>"_s << QStringList{u"<dir>=-R"_s}
        << u"<dir> would be read as an option by `ls`"_s << QString();
    QTest::newRow("printf after its format")
        << u"printf '%s\\n' <x>"_s << QStringList{u"<x>=-v"_s} << QString() << u"-v\n"_s;
    QTest::newRow("echo takes options first")
        << u"echo <x>"_s << QStringList{u"<x>=-e"_s}
        << u"<x> would be read as an option by `echo`"_s << QString();
    QTest::newRow("sh -c positional arguments are data")
        << u"sh -c 'printf \"%s\\n\" \"$1\"' sh <x>"_s << QStringList{u"<x>=-x; touch M"_s}
        << QString() << u"-x; touch M\n"_s;
    QTest::newRow("a $ placeholder read by ssh")
        << u"ssh web-1 \"ls $DIR\""_s << QStringList{u"$DIR=/tmp; touch M"_s}
        << u"$DIR is read again by `ssh`"_s << QString();
    QTest::newRow("a positional read by sh -c")
        << u"sh -c \"ls $1\""_s << QStringList{u"$1=$(touch M)"_s}
        << u"$1 is read again by `sh -c`"_s << QString();
}

void PlaceholderValuesTest::options()
{
    QFETCH(QString, code);
    QFETCH(QStringList, values);
    QFETCH(QString, error);
    QFETCH(QString, output);
    QMap<QString, QString> map;
    for (const QString &entry : values)
        map.insert(entry.section(u'=', 0, 0), entry.section(u'=', 1));
    const PreparedStep prepared = prepare(u"bash"_s, code, map);
    if (!error.isEmpty()) {
        QVERIFY2(prepared.error.startsWith(error), qPrintable(prepared.error));
        QVERIFY(!prepared.canRun());
        return;
    }
    QVERIFY2(prepared.canRun(), qPrintable(prepared.error));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    int exitCode = -1;
    QCOMPARE(run(prepared, dir.path(), &exitCode), output);
    QVERIFY(!QFile::exists(dir.filePath(u"M"_s)));
}

QTEST_GUILESS_MAIN(PlaceholderValuesTest)
#include "tst_placeholdervalues.moc"
