// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/shellquote.h"

#include <QProcess>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

// What a real POSIX shell makes of `printf '%s\0' WORDS`: the words as the program received
// them, separated by NUL.
QList<QByteArray> throughShell(const QString &commandLine, const QString &shell = u"/bin/sh"_s)
{
    QProcess process;
    process.start(shell, {u"-c"_s, u"printf '%s\\0' "_s + commandLine});
    if (!process.waitForFinished(10000) || process.exitCode() != 0)
        return {QByteArray("<shell failed: ") + process.readAllStandardError() + '>'};
    QList<QByteArray> words = process.readAllStandardOutput().split('\0');
    words.removeLast(); // after the last NUL
    return words;
}

// Arguments people (and attackers) put in names: each must arrive verbatim.
QStringList injectionCorpus()
{
    return {u"plain"_s,
            u""_s,
            u" "_s,
            u"two words"_s,
            u"semi;colon"_s,
            u"; rm -rf / ;"_s,
            u"$(id)"_s,
            u"`id`"_s,
            u"${HOME}"_s,
            u"$HOME"_s,
            u"it's"_s,
            u"'"_s,
            u"''"_s,
            u"\"double\""_s,
            u"back\\slash"_s,
            u"new\nline"_s,
            u"tab\there"_s,
            u"-leading-dash"_s,
            u"--"_s,
            u"*"_s,
            u"?"_s,
            u"[a-z]"_s,
            u"~"_s,
            u"~root"_s,
            u"a=b"_s,
            u"=cmd"_s,
            u"{a,b}"_s,
            u"&&"_s,
            u"|"_s,
            u">out"_s,
            u"<in"_s,
            u"#comment"_s,
            u"!"_s,
            u"!!"_s,
            u"%1"_s,
            u"Grüße ☃ 日本"_s,
            u"\u00a0non-breaking"_s,
            u"\x1b[31mred"_s,
            u"end\\"_s};
}

} // namespace

class ShellQuoteTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotesOnlyWhatNeedsIt_data();
    void quotesOnlyWhatNeedsIt();
    void corpusArrivesVerbatim_data();
    void corpusArrivesVerbatim();
    void joinedCorpusKeepsEveryBoundary();
};

void ShellQuoteTest::quotesOnlyWhatNeedsIt_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("quoted");
    QTest::addRow("bare word") << u"ls"_s << u"ls"_s;
    QTest::addRow("path and options") << u"/var/log/app-1.log"_s << u"/var/log/app-1.log"_s;
    QTest::addRow("user@host:port") << u"ops@db-1:5432"_s << u"ops@db-1:5432"_s;
    QTest::addRow("empty") << u""_s << u"''"_s;
    QTest::addRow("space") << u"a b"_s << u"'a b'"_s;
    QTest::addRow("single quote") << u"it's"_s << u"'it'\\''s'"_s;
    QTest::addRow("dollar") << u"$x"_s << u"'$x'"_s;
    QTest::addRow("tilde") << u"~"_s << u"'~'"_s;
    QTest::addRow("equals") << u"a=b"_s << u"'a=b'"_s;
}

void ShellQuoteTest::quotesOnlyWhatNeedsIt()
{
    QFETCH(QString, argument);
    QFETCH(QString, quoted);
    QCOMPARE(shellQuote(argument), quoted);
}

void ShellQuoteTest::corpusArrivesVerbatim_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("shell");
    for (const QString &shell : {u"/bin/sh"_s, u"/bin/bash"_s}) {
        for (const QString &argument : injectionCorpus()) {
            QTest::addRow("%s: %s", qPrintable(shell),
                          qPrintable(QString(argument).replace(u'\n', u"\\n"_s)))
                << argument << shell;
        }
    }
}

void ShellQuoteTest::corpusArrivesVerbatim()
{
    QFETCH(QString, argument);
    QFETCH(QString, shell);
    QCOMPARE(throughShell(shellQuote(argument), shell), QList<QByteArray>{argument.toUtf8()});
}

void ShellQuoteTest::joinedCorpusKeepsEveryBoundary()
{
    const QStringList corpus = injectionCorpus();
    QList<QByteArray> expected;
    for (const QString &argument : corpus)
        expected.append(argument.toUtf8());
    QCOMPARE(throughShell(shellJoin(corpus)), expected);
}

QTEST_GUILESS_MAIN(ShellQuoteTest)
#include "tst_shellquote.moc"
