// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runbooks/runbookparser.h"
#include "testfiles.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QString sampleFile(const QString &name)
{
    return QStringLiteral(OPSDECK_TEST_DATA_DIR "/runbooks/") + name;
}

struct Counts {
    qsizetype sections = 0;
    int runnable = 0;
    int references = 0;
    int checks = 0;
    QStringList placeholders; // distinct over the runbook, in order of appearance
};

Counts countsOf(const Runbook &runbook)
{
    Counts counts;
    counts.sections = runbook.sections.size();
    for (const RunbookSection &section : runbook.sections) {
        for (const RunbookBlock &block : section.blocks) {
            if (block.isRunnable())
                ++counts.runnable;
            else if (block.kind == RunbookBlock::Reference)
                ++counts.references;
            else if (block.kind == RunbookBlock::ManualCheck)
                ++counts.checks;
            for (const QString &placeholder : block.placeholders) {
                if (!counts.placeholders.contains(placeholder))
                    counts.placeholders.append(placeholder);
            }
        }
    }
    return counts;
}

// "kind@line" for every block that is not prose, e.g. "command@6".
QStringList outline(const Runbook &runbook)
{
    QStringList entries;
    for (const RunbookSection &section : runbook.sections) {
        for (const RunbookBlock &block : section.blocks) {
            if (block.kind != RunbookBlock::Prose)
                entries.append(runbookBlockKindName(block.kind) + u'@' +
                               QString::number(block.line));
        }
    }
    return entries;
}

const RunbookBlock *firstBlock(const Runbook &runbook, RunbookBlock::Kind kind)
{
    for (const RunbookSection &section : runbook.sections) {
        for (const RunbookBlock &block : section.blocks) {
            if (block.kind == kind)
                return &block;
        }
    }
    return nullptr;
}

} // namespace

class TestRunbookParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samples_data();
    void samples();
    void seeds_data();
    void seeds();
    void placeholders_data();
    void placeholders();
    void heredocs_data();
    void heredocs();
    void repairs_data();
    void repairs();
    void consoleBlocks();
    void sectionsAndText();
    void json();
    void unreadableFile();
    void neverCrashes();
    void frontMatterScalarsAreKept();
    void proseKeepsItsMarkdown();
    void lostHeredocMarkers_data();
    void lostHeredocMarkers();
    void lostHeredocMarkersInTheFileForgeSeed();
};

void TestRunbookParser::samples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("outline");
    QTest::addColumn<QStringList>("placeholders");
    QTest::addColumn<int>("warnings");
    QTest::addColumn<int>("repairs");

    QTest::addRow("CRLF, no final newline")
        << u"crlf-no-final-newline.md"_s << u"Restart the API"_s
        << QStringList{u"command@6"_s, u"check@9"_s} << QStringList{u"<namespace>"_s} << 0 << 0;
    QTest::addRow("BOM and front matter")
        << u"bom-front-matter.md"_s << u"Disk full on a database host"_s
        << QStringList{u"command@8"_s} << QStringList{} << 0 << 0;
    QTest::addRow("console") << u"console.md"_s << u"Console session"_s
                             << QStringList{u"command@4"_s, u"output@5"_s, u"command@7"_s,
                                            u"command@8"_s, u"output@10"_s}
                             << QStringList{} << 0 << 0;
    // The fence under a list item is a step; headings inside a fence are not sections; an
    // untyped fence is a step only when it reads like shell.
    QTest::addRow("nested fence, headings in code")
        << u"nested-and-code-headings.md"_s << u"Deploy"_s
        << QStringList{u"command@7"_s,  u"check@10"_s,     u"check@11"_s,    u"reference@14"_s,
                       u"command@19"_s, u"reference@24"_s, u"reference@28"_s}
        << QStringList{} << 0 << 0;
    QTest::addRow("heredocs") << u"heredocs.md"_s << u"Heredocs"_s
                              << QStringList{u"command@4"_s, u"command@13"_s}
                              << QStringList{u"$NAME"_s} << 1 << 0;
    QTest::addRow("placeholders") << u"placeholders.md"_s << u"Placeholders"_s
                                  << QStringList{u"command@4"_s, u"command@9"_s, u"sql@20"_s}
                                  << QStringList{u"<pod-name>"_s,     u"[namespace]"_s,
                                                 u"YOUR_API_TOKEN"_s, u"$1"_s,
                                                 u"$BACKUP_DATE"_s,   u"$TARGET_HOST"_s,
                                                 u"[blocking_pid]"_s}
                                  << 0 << 0;
    QTest::addRow("double-encoded UTF-8")
        << u"double-encoded.md"_s << u"Checklist \U0001F4CB"_s << QStringList{u"reference@6"_s}
        << QStringList{} << 0 << 1;
    QTest::addRow("HTML and text before the first heading")
        << u"html-and-preamble.md"_s << QString() << QStringList{} << QStringList{} << 0 << 0;
}

void TestRunbookParser::samples()
{
    QFETCH(QString, file);
    QFETCH(QString, title);
    QFETCH(QStringList, outline);
    QFETCH(QStringList, placeholders);
    QFETCH(int, warnings);
    QFETCH(int, repairs);

    const Runbook runbook = parseRunbook(readFile(sampleFile(file)), file);
    QCOMPARE(runbook.title, title);
    QCOMPARE(::outline(runbook), outline);
    QCOMPARE(countsOf(runbook).placeholders, placeholders);
    QCOMPARE(runbook.diagnostics.size(), warnings);
    QVERIFY(!hasErrors(runbook.diagnostics));
    QCOMPARE(runbook.repairs.size(), repairs);
}

void TestRunbookParser::seeds_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("sections");
    QTest::addColumn<int>("runnable");
    QTest::addColumn<int>("references");
    QTest::addColumn<int>("checks");
    QTest::addColumn<QStringList>("placeholders");
    QTest::addColumn<int>("repairs");

    // The numbers were counted from the files, not from the parser:
    //   sections:   awk '/^ *```/ {f=!f; next} !f' FILE | grep -cE '^#+ '  (headings outside
    //               fences; every seed starts with "# ", so no level-0 section)
    //   fences:     grep -c '^ *```' FILE / 2, split by info string (bash/sql/json/...)
    //   checks:     grep -cE '^\s*[-*+] \[[ xX]\] ' FILE
    //   placeholders: the candidates grep finds in bash/sql fences, minus those in comments,
    //               in single quotes (awk '{print $2}') or assigned earlier (VAR=...).
    //
    // 000: 53 headings; 33 ```bash fences, no other fence; no task items. Placeholders:
    //      [service_name] (docker-compose logs/restart), [blocking_pid] (pg_terminate_backend);
    //      $2 and $3 are awk fields in single quotes, {{.Container}} are Go templates.
    // 001: 19 headings; one ```bash fence (pg_dump/psql); no task items, no placeholders. The
    //      "â†’" link text is double-encoded "→": one repair.
    QTest::addRow("000") << u"000_fd0a1e1682d72f15.txt"_s << 53 << 33 << 0 << 0
                         << QStringList{u"[service_name]"_s, u"[blocking_pid]"_s} << 0;
    QTest::addRow("001") << u"001_85a77e70dee42870.txt"_s << 19 << 1 << 0 << 0 << QStringList{}
                         << 1;
    // 002: 68 headings; 17 ```bash + 1 ```sql = 18 steps; the 2 untyped fences are message
    //      templates ("INCIDENT ALERT - [Severity Level]", "INCIDENT RESOLVED") = 2 references;
    //      28 "- [ ]" items (4+4 deployment, 4x4 maintenance, 4+4 security). Placeholders:
    //      [service], [repository-url], [date], [timestamp] (memo_app_[timestamp].sql.gz).
    QTest::addRow("002") << u"002_0c5c8760a781de0d.txt"_s << 68 << 18 << 2 << 0 + 28
                         << QStringList{u"[service]"_s, u"[repository-url]"_s, u"[date]"_s,
                                        u"[timestamp]"_s}
                         << 0;
    // 003: 43 headings ("# Incident Report" and its "##" inside the ```markdown fence are not
    //      sections); 14 ```bash fences, of which the logrotate config (line 279: a '}'
    //      that closes no shell group) is a reference = 13 steps, one of them the
    //      CREATE/DROP/ALTER INDEX block (line 266), SQL under a bash fence; references:
    //      1 ```markdown + 4 untyped fences (timeline, escalation tree, incident and customer
    //      templates) + the logrotate config = 6; no task items.
    //      Placeholders: <pod-name> (kubectl describe/exec), $days_until_expiring (the script
    //      assigns days_until_expiry — a typo in the seed), $SLACK_WEBHOOK_URL, $1
    //      (BACKUP_DATE="$1", ./restore-database.sh $1), $DATABASE_URL. Not placeholders:
    //      $4 in awk quotes, ${S3_BUCKET} and ${BACKUP_DATE} (assigned), ${TIME} (single
    //      quotes). Repairs: 17 "├──" + 9 "└──" lines + 📋 + 🚨 = 28; the five "â±ï¸" lost
    //      their 0x8F bytes and cannot be repaired. The recovery.conf block has no "<<" at all
    //      (the heredoc opener is missing too); lineWithLostHeredocMarkers flags it.
    QTest::addRow("003") << u"003_b05b49d288a4692d.txt"_s << 43 << 13 << 6 << 0
                         << QStringList{u"<pod-name>"_s, u"$days_until_expiring"_s,
                                        u"$SLACK_WEBHOOK_URL"_s, u"$1"_s, u"$DATABASE_URL"_s}
                         << 1;
    // 004: 43 headings; 18 ```bash + 1 ```sql = 19 steps; 1 ```json (expected response) =
    //      1 reference; 13 "- [ ]" items (4 weekly, 4 monthly, 5 quarterly). Placeholder:
    //      <pod-name> (kubectl describe/exec).
    QTest::addRow("004") << u"004_d84d9a38bb43653f.txt"_s << 43 << 19 << 1 << 13
                         << QStringList{u"<pod-name>"_s} << 0;
}

void TestRunbookParser::seeds()
{
    QFETCH(QString, file);
    QFETCH(int, sections);
    QFETCH(int, runnable);
    QFETCH(int, references);
    QFETCH(int, checks);
    QFETCH(QStringList, placeholders);
    QFETCH(int, repairs);

    const QString path = QStringLiteral(OPSDECK_SOURCE_DIR "/../shared/seeds/") + file;
    QVERIFY2(QFile::exists(path), qPrintable(path));
    const Runbook runbook = parseRunbook(readFile(path), file);
    const Counts counts = countsOf(runbook);
    QCOMPARE(counts.sections, sections);
    QCOMPARE(counts.runnable, runnable);
    QCOMPARE(counts.references, references);
    QCOMPARE(counts.checks, checks);
    QCOMPARE(counts.placeholders, placeholders);
    QCOMPARE(runbook.repairs.size(), repairs);
    QVERIFY(!hasErrors(runbook.diagnostics));
    for (const RunbookSection &section : runbook.sections) {
        QVERIFY(section.level >= 1 && section.level <= 6);
        QVERIFY(section.line >= 1);
        for (const RunbookBlock &block : section.blocks)
            QVERIFY(block.line >= section.line);
    }
}

void TestRunbookParser::placeholders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("angle") << u"kubectl logs <pod-name>"_s << QStringList{u"<pod-name>"_s};
    QTest::addRow("bracket") << u"restart [service_name]"_s << QStringList{u"[service_name]"_s};
    QTest::addRow("your") << u"curl -H \"X: YOUR_API_KEY\""_s << QStringList{u"YOUR_API_KEY"_s};
    QTest::addRow("positional") << u"./x.sh \"$1\" ${2}"_s << QStringList{u"$1"_s, u"$2"_s};
    QTest::addRow("variables, unique, in order")
        << u"echo ${B} $A $B"_s << QStringList{u"$B"_s, u"$A"_s};
    QTest::addRow("assigned before") << u"X=1\necho $X"_s << QStringList{};
    QTest::addRow("assigned after") << u"echo $X\nX=1"_s << QStringList{u"$X"_s};
    QTest::addRow("export, ; and &&")
        << u"export A=1; B=2 && C=3\necho $A $B $C"_s << QStringList{};
    QTest::addRow("environment") << u"echo $HOME $PATH $USER $PWD $SHELL $HOSTNAME"_s
                                 << QStringList{};
    QTest::addRow("shell specials") << u"echo $? $$ $! $# $@ $* $0"_s << QStringList{};
    QTest::addRow("command substitution") << u"echo $(cat $FILE) `echo $B`"_s << QStringList{};
    QTest::addRow("go template") << u"docker ps --format '{{.Names}}' {{ $x }}"_s << QStringList{};
    QTest::addRow("redirections") << u"sort < in.txt > out.txt 2>&1 <<< \"$$\""_s << QStringList{};
    QTest::addRow("html tags") << u"echo '<div>' <br>"_s << QStringList{};
    QTest::addRow("comment") << u"# use <pod-name> and $X\nls"_s << QStringList{};
    QTest::addRow("single quotes") << u"awk '{print $2}'"_s << QStringList{};
    QTest::addRow("character class and tests")
        << u"grep '[a-z]' f && [ -f x ] && [[ -n x ]]"_s << QStringList{};
    QTest::addRow("default value") << u"echo ${X:-1} ${#Y}"_s << QStringList{};
    QTest::addRow("escaped dollar") << u"echo \\$X"_s << QStringList{};
    QTest::addRow("bracket after a word")
        << u"gunzip app_[timestamp].sql.gz"_s << QStringList{u"[timestamp]"_s};
    QTest::addRow("array index") << u"a[key]=1; echo ${a[key]}"_s << QStringList{};
    QTest::addRow("quoted heredoc body")
        << u"cat <<'EOF'\n$X <pod>\nEOF\necho $Y"_s << QStringList{u"<pod>"_s, u"$Y"_s};
    QTest::addRow("unquoted heredoc body") << u"cat <<EOF\n'$X'\nEOF"_s << QStringList{u"$X"_s};
}

void TestRunbookParser::placeholders()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QSet<QString> known;
    QCOMPARE(findPlaceholders(text, &known), expected);
}

void TestRunbookParser::heredocs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("unterminated");

    QTest::addRow("terminated") << u"cat <<EOF\nx\nEOF"_s << QStringList{};
    QTest::addRow("quoted") << u"cat > f << 'EOF'\nx\nEOF\n"_s << QStringList{};
    QTest::addRow("double-quoted") << u"cat <<\"END\"\nx\n  END"_s << QStringList{};
    QTest::addRow("dash") << u"cat <<-END\n\tx\n\tEND"_s << QStringList{};
    QTest::addRow("unterminated") << u"cat <<EOF\nx"_s << QStringList{u"EOF"_s};
    QTest::addRow("unterminated quoted") << u"cat <<'EOF'\nx\nEO"_s << QStringList{u"EOF"_s};
    QTest::addRow("two, second open") << u"cat <<A <<B\na\nA\nb"_s << QStringList{u"B"_s};
    QTest::addRow("here-string") << u"grep x <<< \"$y\""_s << QStringList{};
    QTest::addRow("quoted text") << u"echo \"a <<EOF\""_s << QStringList{};
    QTest::addRow("comment") << u"# cat <<EOF"_s << QStringList{};
}

void TestRunbookParser::heredocs()
{
    QFETCH(QString, text);
    QFETCH(QStringList, unterminated);
    QCOMPARE(unterminatedHeredocs(text), unterminated);
}

void TestRunbookParser::repairs_data()
{
    QTest::addColumn<QByteArray>("utf8");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("places");

    const auto doubled = [](const QString &text) {
        // What a Windows-1252 decoder followed by a UTF-8 encoder makes of text.
        QString mojibake;
        for (const char byte : text.toUtf8()) {
            const auto value = static_cast<unsigned char>(byte);
            static const char16_t high[32] = {
                0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
            if (value >= 0x80 && value < 0xA0 && high[value - 0x80] != 0)
                mojibake += QChar(high[value - 0x80]);
            else
                mojibake += QChar(char16_t(value));
        }
        return mojibake.toUtf8();
    };
    QTest::addRow("arrow") << doubled(u"a \u2192 b"_s) << u"a \u2192 b"_s << 1;
    QTest::addRow("tree") << doubled(u"\u251c\u2500\u2500 x\n\u2514\u2500\u2500 y"_s)
                          << u"\u251c\u2500\u2500 x\n\u2514\u2500\u2500 y"_s << 2;
    QTest::addRow("latin") << doubled(u"caf\u00e9 na\u00efve"_s) << u"caf\u00e9 na\u00efve"_s << 2;
    // Windows-1254 turns 0xF0 into "ğ": the seeds' emoji.
    QTest::addRow("turkish emoji")
        << u"\u011f\u0178\u201c\u2039"_s.toUtf8() << u"\U0001F4CB"_s << 1;
    QTest::addRow("genuine text") << u"caf\u00e9 \u00bd \u00e9t\u00e9"_s.toUtf8()
                                  << u"caf\u00e9 \u00bd \u00e9t\u00e9"_s << 0;
    QTest::addRow("lost bytes") << u"\u00e2\u00b1\u00ef\u00b8 T+0"_s.toUtf8()
                                << u"\u00e2\u00b1\u00ef\u00b8 T+0"_s << 0;
}

void TestRunbookParser::repairs()
{
    QFETCH(QByteArray, utf8);
    QFETCH(QString, expected);
    QFETCH(int, places);
    QString text = QString::fromUtf8(utf8);
    QCOMPARE(repairDoubleEncodedUtf8(&text), places);
    QCOMPARE(text, expected);
}

void TestRunbookParser::consoleBlocks()
{
    const Runbook runbook = parseRunbook(readFile(sampleFile(u"console.md"_s)), u"c.md"_s);
    QCOMPARE(runbook.sections.size(), 1);
    const QList<RunbookBlock> &blocks = runbook.sections.constFirst().blocks;
    QCOMPARE(blocks.size(), 5);
    QCOMPARE(blocks[0].text, u"kubectl get pods -n web"_s);
    QCOMPARE(blocks[0].risk, Risk::Read);
    QCOMPARE(blocks[1].text, u"NAME      READY   STATUS\nweb-1     1/1     Running"_s);
    QCOMPARE(blocks[2].text, u"systemctl restart nginx"_s);
    QCOMPARE(blocks[2].risk, Risk::Change);
    QVERIFY(!blocks[2].riskReason.isEmpty());
    QCOMPARE(blocks[3].text, u"curl -s \\\n    https://example.org/health"_s);
    QCOMPARE(blocks[4].kind, RunbookBlock::ExpectedOutput);
    QCOMPARE(blocks[4].text, u"ok"_s);
}

void TestRunbookParser::sectionsAndText()
{
    const Runbook nested =
        parseRunbook(readFile(sampleFile(u"nested-and-code-headings.md"_s)), u"n.md"_s);
    QCOMPARE(nested.sections.size(), 2);
    QCOMPARE(nested.sections[0].level, 0);
    QCOMPARE(nested.sections[0].blocks.constFirst().text, u"Text before any heading."_s);
    QCOMPARE(nested.sections[1].title, u"Deploy"_s);
    QCOMPARE(nested.sections[1].line, 3);
    const RunbookBlock *command = firstBlock(nested, RunbookBlock::Command);
    QVERIFY(command);
    QCOMPARE(command->text, u"./scripts/backup.sh"_s);
    QCOMPARE(command->language, u"bash"_s);
    const RunbookBlock *check = firstBlock(nested, RunbookBlock::ManualCheck);
    QVERIFY(check);
    QCOMPARE(check->text, u"Backup file exists"_s);
    const RunbookBlock *reference = firstBlock(nested, RunbookBlock::Reference);
    QCOMPARE(reference->text, u"# Not a section\n## Neither is this"_s);

    const Runbook heredocs = parseRunbook(readFile(sampleFile(u"heredocs.md"_s)), u"h.md"_s);
    const QList<RunbookBlock> &blocks = heredocs.sections.constFirst().blocks;
    QCOMPARE(blocks.size(), 2);
    QVERIFY(!blocks[0].unterminatedHeredoc);
    QVERIFY(blocks[0].text.contains(u"\tEND"_s)); // verbatim
    QVERIFY(blocks[1].unterminatedHeredoc);
    QCOMPARE(heredocs.diagnostics.constFirst().line, 13);
    QCOMPARE(heredocs.diagnostics.constFirst().file, u"h.md"_s);
    QVERIFY(!heredocs.diagnostics.constFirst().isError());

    const Runbook html = parseRunbook(readFile(sampleFile(u"html-and-preamble.md"_s)), u"x"_s);
    QCOMPARE(html.sections.size(), 2);
    QCOMPARE(html.sections[0].level, 0);
    QCOMPARE(html.sections[0].blocks.size(), 2);
    QVERIFY(html.sections[0].blocks[1].text.contains(u"<details>"_s));
    QCOMPARE(html.sections[1].level, 2);
    QCOMPARE(html.sections[1].line, 8);

    const Runbook encoded = parseRunbook(readFile(sampleFile(u"double-encoded.md"_s)), u"x"_s);
    QCOMPARE(encoded.repairs, QStringList{u"repaired double-encoded UTF-8 in 4 place(s)"_s});
    QVERIFY(encoded.sections[0].blocks.constFirst().text.contains(u"\u2192"_s));
    QVERIFY(encoded.sections[0].blocks.constLast().text.contains(u"caf\u00e9"_s));
}

void TestRunbookParser::json()
{
    const Runbook runbook =
        parseRunbook(readFile(sampleFile(u"crlf-no-final-newline.md"_s)), u"r.md"_s);
    const QJsonObject object = toJson(runbook);
    QCOMPARE(object[u"title"_s].toString(), u"Restart the API"_s);
    const QJsonArray sections = object[u"sections"_s].toArray();
    QCOMPARE(sections.size(), 1);
    const QJsonArray blocks = sections[0].toObject()[u"blocks"_s].toArray();
    QCOMPARE(blocks.size(), 3);
    const QJsonObject command = blocks[1].toObject();
    QCOMPARE(command[u"kind"_s].toString(), u"command"_s);
    QCOMPARE(command[u"line"_s].toInt(), 6);
    QCOMPARE(command[u"risk"_s].toString(), u"change"_s);
    QCOMPARE(command[u"placeholders"_s].toArray().size(), 1);
    QCOMPARE(blocks[2].toObject()[u"kind"_s].toString(), u"check"_s);
}

void TestRunbookParser::unreadableFile()
{
    const Runbook runbook = loadRunbookFile(u"/nonexistent/runbook.md"_s);
    QVERIFY(hasErrors(runbook.diagnostics));
    QVERIFY(runbook.sections.isEmpty());
}

void TestRunbookParser::neverCrashes()
{
    QRandomGenerator random(20261123);
    const QByteArray pieces[] = {"```",      "```bash\n",  "```console\n$ ",
                                 "- [ ] ",   "# ",         "<<EOF",
                                 "$(",       "${",         "`",
                                 "'",        "\"",         "\r\n",
                                 "\n",       "---\n",      "\xc3",
                                 "\xe2\x80", "<pod-name>", "[x]",
                                 "    ",     "\0"};
    for (int round = 0; round < 2000; ++round) {
        QByteArray text;
        const int count = random.bounded(1, 40);
        for (int i = 0; i < count; ++i) {
            if (random.bounded(3) == 0)
                text += char(random.bounded(256));
            else
                text += pieces[random.bounded(int(std::size(pieces)))];
        }
        const Runbook runbook = parseRunbook(text, u"random.md"_s);
        for (const RunbookSection &section : runbook.sections) {
            for (const RunbookBlock &block : section.blocks)
                QVERIFY(block.line >= 1);
        }
    }
}

void TestRunbookParser::frontMatterScalarsAreKept()
{
    const Runbook runbook =
        parseRunbook(readFile(sampleFile(u"bom-front-matter.md"_s)), u"bom-front-matter.md"_s);
    QCOMPARE(runbook.metadata.value(u"title"_s), u"Disk full on a database host"_s);
    QCOMPARE(runbook.metadata.value(u"owner"_s), u"dba"_s);
    QCOMPARE(runbook.metadata.size(), 2);
    QCOMPARE(runbook.sections.constFirst().line, 5); // front matter keeps its lines
}

void TestRunbookParser::proseKeepsItsMarkdown()
{
    const Runbook runbook = parseRunbook("---\ntitle: T\n---\n# T\n\nRestart **only** after "
                                         "[checking](https://example.org/x).\nSecond line.\n\n"
                                         "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                                         "- one\n- two\n\n```bash\nls\n```\n",
                                         u"t.md"_s);
    const QList<RunbookBlock> &blocks = runbook.sections.constFirst().blocks;
    QCOMPARE(blocks.size(), 4);
    QCOMPARE(blocks[0].text, u"Restart only after checking.\nSecond line."_s);
    QCOMPARE(blocks[0].markdown,
             u"Restart **only** after [checking](https://example.org/x).\nSecond line."_s);
    QCOMPARE(blocks[1].markdown, u"| a | b |\n|---|---|\n| 1 | 2 |"_s);
    QCOMPARE(blocks[2].markdown, u"- one\n- two"_s);
    QVERIFY(blocks[3].markdown.isEmpty()); // code keeps its text only
}

void TestRunbookParser::lostHeredocMarkers_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("flagged");

    QTest::newRow("ini content after cat >") << u"cat > /etc/app.conf\nport = 8080\n"_s << true;
    QTest::newRow("section header after cat >>")
        << u"sudo cat >> /etc/app.ini\n\n[server]\nport=1\n"_s << true;
    QTest::newRow("yaml after cat >") << u"cat > values.yaml\nreplicas: 3\n"_s << true;
    QTest::newRow("a command after cat >") << u"cat > /tmp/out\nsystemctl restart x\n"_s << false;
    QTest::newRow("shell assignment after cat >") << u"cat > /tmp/out\nX='a b'\n"_s << false;
    QTest::newRow("cat with an input file") << u"cat a.conf > b.conf\nport = 1\n"_s << false;
    QTest::newRow("proper heredoc") << u"cat > f <<EOF\nport = 1\nEOF\n"_s << false;
}

void TestRunbookParser::lostHeredocMarkers()
{
    QFETCH(QString, code);
    QFETCH(bool, flagged);
    const QByteArray markdown = "# T\n\n```bash\n" + code.toUtf8() + "```\n";
    const Runbook runbook = parseRunbook(markdown, u"t.md"_s);
    const RunbookBlock *command = firstBlock(runbook, RunbookBlock::Command);
    QVERIFY(command);
    QCOMPARE(command->unterminatedHeredoc, flagged);
    QCOMPARE(runbook.diagnostics.size(), flagged ? 1 : 0);
}

void TestRunbookParser::lostHeredocMarkersInTheFileForgeSeed()
{
    // The seed's point-in-time recovery writes recovery.conf with `cat >` and no `<<EOF`.
    const QString path =
        QStringLiteral(OPSDECK_SOURCE_DIR "/../shared/seeds/003_b05b49d288a4692d.txt");
    const Runbook runbook = parseRunbook(readFile(path), path);
    const auto flagged = std::ranges::find_if(runbook.diagnostics, [](const Diagnostic &d) {
        return d.line == 380 && d.message.contains(u"<<EOF"_s);
    });
    QVERIFY2(flagged != runbook.diagnostics.cend(), "no warning at 003:380");
}

QTEST_GUILESS_MAIN(TestRunbookParser)
#include "tst_runbookparser.moc"
