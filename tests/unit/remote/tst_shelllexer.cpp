// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/shelllexer.h"
#include "shelllexerchecks.h"
#include "testfiles.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QString shown(QString text)
{
    return text.replace(u'\n', u"\\n"_s).replace(u'\t', u"\\t"_s);
}

// The tokens that matter, blanks left out: "w:echo", "o:;", "r:2>/dev/null", "c:# x",
// "h:EOF" (a here-document body, by its delimiter), "\" (a continuation).
QStringList described(const std::vector<ShellToken> &tokens)
{
    QStringList entries;
    for (const ShellToken &token : tokens) {
        switch (token.kind) {
        case ShellToken::Kind::Word:
            entries.append(u"w:"_s + shown(token.text));
            break;
        case ShellToken::Kind::Operator:
            entries.append(u"o:"_s + shown(token.text));
            break;
        case ShellToken::Kind::Redirection:
            entries.append(u"r:"_s + shown(token.text));
            break;
        case ShellToken::Kind::HereDocument:
            entries.append(u"h:"_s + token.delimiter + (token.terminated ? u""_s : u"…"_s));
            break;
        case ShellToken::Kind::Comment:
            entries.append(u"c:"_s + shown(token.text));
            break;
        case ShellToken::Kind::Continuation:
            entries.append(u"\\"_s);
            break;
        case ShellToken::Kind::Blank:
            break;
        }
    }
    return entries;
}

// A word's parts: "literal(a) double[literal(b) parameter($x)] command{w:date}".
QString describedParts(const std::vector<ShellWordPart> &parts)
{
    QStringList entries;
    for (const ShellWordPart &part : parts) {
        QString entry = shellWordPartKindName(part.kind);
        if (!part.parts.empty())
            entry += u'[' + describedParts(part.parts) + u']';
        else if (!part.tokens.empty())
            entry += u'{' + described(part.tokens).join(u' ') + u'}';
        else
            entry += u'(' + shown(part.text) + u')';
        if (!part.terminated)
            entry += u'…';
        entries.append(entry);
    }
    return entries.join(u' ');
}

QString problemName(ShellLexProblem::Kind kind)
{
    switch (kind) {
    case ShellLexProblem::Kind::UnterminatedSingleQuote:
        return u"single quote"_s;
    case ShellLexProblem::Kind::UnterminatedDoubleQuote:
        return u"double quote"_s;
    case ShellLexProblem::Kind::UnterminatedParameter:
        return u"parameter"_s;
    case ShellLexProblem::Kind::UnterminatedSubstitution:
        return u"substitution"_s;
    case ShellLexProblem::Kind::UnterminatedBackticks:
        return u"backticks"_s;
    case ShellLexProblem::Kind::UnterminatedArithmetic:
        return u"arithmetic"_s;
    case ShellLexProblem::Kind::UnterminatedHereDocument:
        return u"heredoc"_s;
    case ShellLexProblem::Kind::MissingRedirectionTarget:
        return u"no target"_s;
    case ShellLexProblem::Kind::NestedTooDeeply:
        return u"too deep"_s;
    }
    return {};
}

// Shell from real runbooks: what an operator pastes, as written.
const char *const RealWorld[] = {
    "docker-compose -f docker-compose.prod.yml exec -T db pg_isready -U wiki",
    "df -h | grep -E \"(/$|/opt/wiki|/app)\"",
    "docker stats --no-stream --format \"table {{.Container}}\\t{{.CPUPerc}}\\t{{.MemUsage}}\"",
    "find /opt/wiki/backups -name \"*.sql.gz\" -mtime +30 -delete; rm -f old.log",
    "for pod in $(kubectl get pods -n prod -o name); do\n  kubectl logs \"$pod\" --tail=20 | "
    "grep -i error || true\ndone",
    "if ! pg_isready -h \"$DB_HOST\"; then\n  echo \"down\" >&2\n  exit 1\nfi",
    "cat > /etc/logrotate.d/app <<'EOF'\n/var/log/app/*.log {\n  daily\n  rotate 7\n}\nEOF",
    "psql \"$DATABASE_URL\" <<SQL\nSELECT pid, now() - query_start AS age\nFROM pg_stat_activity\n"
    "WHERE state <> 'idle';\nSQL",
    "BACKUP_DATE=\"$1\"\naws s3 cp \"s3://${S3_BUCKET}/backup_${BACKUP_DATE}.sql.gz\" - | "
    "gunzip | psql",
    "case \"$1\" in\n  start|stop) systemctl \"$1\" app ;;\n  *) echo \"usage: $0 start|stop\" "
    ">&2; exit 2 ;;\nesac",
    "curl -fsS -X POST -H 'Content-Type: application/json' \\\n  -d '{\"text\": \"deploy "
    "done\"}' \"$SLACK_WEBHOOK_URL\"",
    "awk '{sum += $2} END {print sum / NR}' /var/log/app/latency.log",
    "expiry=$(echo | openssl s_client -connect \"$host:443\" 2>/dev/null | openssl x509 "
    "-noout -enddate | cut -d= -f2)",
    "days_until_expiry=$(( ($(date -d \"$expiry\" +%s) - $(date +%s)) / 86400 ))",
    "while read -r line; do echo \"${line#prefix}\"; done < <(journalctl -u app --since "
    "'-1h')",
    "kubectl exec -it <pod-name> -- sh -c 'ls /data; du -sh /data/*'",
    "ps aux --sort=-%mem | head -n 10  # top memory users",
    "[[ $status =~ ^(ok|warn)$ ]] && echo fine",
    "arr=(one \"two three\" $'four\\tfive')\necho \"${arr[@]}\"",
    "function check { systemctl is-active \"$1\"; }\ncheck nginx",
    "for ((i = 0; i < 3; i++)); do curl -s localhost:8080/health; sleep 1; done",
    "echo `date +%F` $((1 << 4)) 2>&1 | tee -a /tmp/out.log",
};

} // namespace

class ShellLexerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens_data();
    void tokens();
    void parts_data();
    void parts();
    void hereDocuments_data();
    void hereDocuments();
    void problems_data();
    void problems();
    void reservedWordsWhereCommandsBegin();
    void withoutComments_data();
    void withoutComments();
    void invariants_data();
    void invariants();
    void neverCrashesOrStalls();
};

void ShellLexerTest::tokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("simple") << u"ls -la /tmp"_s << QStringList{u"w:ls"_s, u"w:-la"_s, u"w:/tmp"_s};
    QTest::addRow("operators") << u"a && b || c; d & e | f |& g"_s
                               << QStringList{u"w:a"_s, u"o:&&"_s, u"w:b"_s, u"o:||"_s, u"w:c"_s,
                                              u"o:;"_s, u"w:d"_s,  u"o:&"_s, u"w:e"_s,  u"o:|"_s,
                                              u"w:f"_s, u"o:|&"_s, u"w:g"_s};
    QTest::addRow("newlines") << u"a\nb\n"_s
                              << QStringList{u"w:a"_s, u"o:\\n"_s, u"w:b"_s, u"o:\\n"_s};
    // A '#' starts a comment only where a word starts, outside quotes.
    QTest::addRow("quoted hash") << u"echo '#'; rm x"_s
                                 << QStringList{u"w:echo"_s, u"w:'#'"_s, u"o:;"_s, u"w:rm"_s,
                                                u"w:x"_s};
    QTest::addRow("hash inside a word") << u"echo a#b"_s << QStringList{u"w:echo"_s, u"w:a#b"_s};
    QTest::addRow("escaped hash") << u"echo \\# x"_s
                                  << QStringList{u"w:echo"_s, u"w:\\#"_s, u"w:x"_s};
    QTest::addRow("parameter with #")
        << u"echo ${x#y} $#"_s << QStringList{u"w:echo"_s, u"w:${x#y}"_s, u"w:$#"_s};
    QTest::addRow("comment after an operator")
        << u"a;# b\nc"_s << QStringList{u"w:a"_s, u"o:;"_s, u"c:# b"_s, u"o:\\n"_s, u"w:c"_s};
    QTest::addRow("trailing comment")
        << u"df -h  # then rm"_s << QStringList{u"w:df"_s, u"w:-h"_s, u"c:# then rm"_s};
    QTest::addRow("parenthesis in a quoted substitution")
        << u"echo \"$(echo ')')\" x"_s
        << QStringList{u"w:echo"_s, u"w:\"$(echo ')')\""_s, u"w:x"_s};
    QTest::addRow("quote across lines")
        << u"sh -c '\nrm -rf /tmp/c\n'\nid"_s
        << QStringList{u"w:sh"_s, u"w:-c"_s, u"w:'\\nrm -rf /tmp/c\\n'"_s, u"o:\\n"_s, u"w:id"_s};
    QTest::addRow("continuation") << u"curl -s \\\n  http://x"_s
                                  << QStringList{u"w:curl"_s, u"w:-s"_s, u"\\"_s, u"w:http://x"_s};
    QTest::addRow("continuation inside a word")
        << u"ec\\\nho hi"_s << QStringList{u"w:ec\\\\nho"_s, u"w:hi"_s};
    QTest::addRow("redirections") << u"cmd 2>/dev/null >&2 2>&1 >> log < in &> all <> rw >| f"_s
                                  << QStringList{u"w:cmd"_s,    u"r:2>/dev/null"_s, u"r:>&2"_s,
                                                 u"r:2>&1"_s,   u"r:>> log"_s,      u"r:< in"_s,
                                                 u"r:&> all"_s, u"r:<> rw"_s,       u"r:>| f"_s};
    QTest::addRow("named descriptor")
        << u"exec {fd}>/tmp/x"_s << QStringList{u"w:exec"_s, u"r:{fd}>/tmp/x"_s};
    QTest::addRow("here-string") << u"grep x <<< \"$y\""_s
                                 << QStringList{u"w:grep"_s, u"w:x"_s, u"r:<<< \"$y\""_s};
    QTest::addRow("here-document") << u"cat <<EOF > f\n# not a comment 'x\nEOF\necho done"_s
                                   << QStringList{u"w:cat"_s, u"r:<<EOF"_s, u"r:> f"_s, u"o:\\n"_s,
                                                  u"h:EOF"_s, u"w:echo"_s,  u"w:done"_s};
    QTest::addRow("two here-documents")
        << u"paste <<A <<'B'\n1\nA\n2\nB\nls"_s
        << QStringList{u"w:paste"_s, u"r:<<A"_s, u"r:<<'B'"_s, u"o:\\n"_s,
                       u"h:A"_s,     u"h:B"_s,   u"w:ls"_s};
    QTest::addRow("here-document in a substitution")
        << u"x=$(cat <<EOF\na)b\nEOF\n)\necho \"$x\""_s
        << QStringList{u"w:x=$(cat <<EOF\\na)b\\nEOF\\n)"_s, u"o:\\n"_s, u"w:echo"_s,
                       u"w:\"$x\""_s};
    QTest::addRow("process substitution")
        << u"diff <(sort a) <(sort b)"_s
        << QStringList{u"w:diff"_s, u"w:<(sort a)"_s, u"w:<(sort b)"_s};
    QTest::addRow("redirection from a process substitution")
        << u"done < <(ls)"_s << QStringList{u"w:done"_s, u"r:< <(ls)"_s};
    QTest::addRow("subshell and group")
        << u"(cd /tmp && ls); { echo a; }"_s
        << QStringList{u"o:("_s, u"w:cd"_s, u"w:/tmp"_s, u"o:&&"_s, u"w:ls"_s, u"o:)"_s,
                       u"o:;"_s, u"o:{"_s,  u"w:echo"_s, u"w:a"_s,  u"o:;"_s,  u"o:}"_s};
    QTest::addRow("case") << u"case $x in a|b) echo;; *) :;; esac"_s
                          << QStringList{u"w:case"_s, u"w:$x"_s, u"w:in"_s,   u"w:a"_s,   u"o:|"_s,
                                         u"w:b"_s,    u"o:)"_s,  u"w:echo"_s, u"o:;;"_s,  u"w:*"_s,
                                         u"o:)"_s,    u"w::"_s,  u"o:;;"_s,   u"w:esac"_s};
    QTest::addRow("case in a substitution")
        << u"echo $(case $x in a) echo A;; esac) done"_s
        << QStringList{u"w:echo"_s, u"w:$(case $x in a) echo A;; esac)"_s, u"w:done"_s};
    QTest::addRow("arithmetic") << u"echo $((1 << 2)) $(( (1+2) * 3 ))"_s
                                << QStringList{u"w:echo"_s, u"w:$((1 << 2))"_s,
                                               u"w:$(( (1+2) * 3 ))"_s};
    QTest::addRow("subshell in a substitution")
        << u"echo $((cd /tmp); ls)"_s << QStringList{u"w:echo"_s, u"w:$((cd /tmp); ls)"_s};
    QTest::addRow("arithmetic command")
        << u"(( n > 3 )) && echo big"_s
        << QStringList{u"w:(( n > 3 ))"_s, u"o:&&"_s, u"w:echo"_s, u"w:big"_s};
    QTest::addRow("arithmetic for") << u"for ((i=0; i<3; i++)); do :; done"_s
                                    << QStringList{u"w:for"_s, u"w:((i=0; i<3; i++))"_s,
                                                   u"o:;"_s,   u"w:do"_s,
                                                   u"w::"_s,   u"o:;"_s,
                                                   u"w:done"_s};
    QTest::addRow("double brackets")
        << u"[[ a < b && $x =~ ^(a|b)+$ ]]"_s
        << QStringList{u"w:[["_s, u"w:a"_s,  u"w:<"_s,        u"w:b"_s, u"o:&&"_s,
                       u"w:$x"_s, u"w:=~"_s, u"w:^(a|b)+$"_s, u"w:]]"_s};
    QTest::addRow("unclosed double brackets end with the command")
        << u"[[ -f x; cat < in"_s
        << QStringList{u"w:[["_s, u"w:-f"_s, u"w:x"_s, u"o:;"_s, u"w:cat"_s, u"r:< in"_s};
    QTest::addRow("array") << u"a=(x 'y z') b+=(1)"_s
                           << QStringList{u"w:a=(x 'y z')"_s, u"w:b+=(1)"_s};
    QTest::addRow("backticks") << u"echo `date` `echo \\`id\\``"_s
                               << QStringList{u"w:echo"_s, u"w:`date`"_s, u"w:`echo \\`id\\``"_s};
    QTest::addRow("crlf is text") << u"ls\r\n"_s << QStringList{u"w:ls\r"_s, u"o:\\n"_s};
}

void ShellLexerTest::tokens()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const ShellLexResult lexed = lexShell(text);
    QCOMPARE(described(lexed.tokens), expected);
    QVERIFY2(lexed.problems.isEmpty(),
             qPrintable(lexed.problems.isEmpty() ? QString()
                                                 : problemName(lexed.problems.constFirst().kind)));
    const QString broken = ShellLexerChecks::brokenRule(lexed);
    QVERIFY2(broken.isEmpty(), qPrintable(broken));
}

void ShellLexerTest::parts_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("parts");
    QTest::addColumn<QString>("value"); // after quote removal

    QTest::addRow("plain") << u"abc"_s << u"literal(abc)"_s << u"abc"_s;
    QTest::addRow("quotes") << u"a'b c'\"d $x\"\\ e"_s
                            << u"literal(a) single('b c') double[literal(d ) parameter($x)] "
                               "escaped(\\ ) literal(e)"_s
                            << u"ab cd $x e"_s;
    QTest::addRow("ansi-c") << u"$'a\\tb\\x41\\101\\''"_s << u"ansi-c($'a\\tb\\x41\\101\\'')"_s
                            << u"a\tbAA'"_s;
    QTest::addRow("locale string")
        << u"$\"hi $USER\""_s << u"double[literal(hi ) parameter($USER)]"_s << u"hi $USER"_s;
    QTest::addRow("escapes in double quotes")
        << u"\"a\\\"b\\$c\\d\""_s
        << u"double[literal(a) escaped(\\\") literal(b) escaped(\\$) "
           "literal(c\\d)]"_s
        << u"a\"b$c\\d"_s;
    QTest::addRow("parameters") << u"$x${y}$1$?${#z}${w:-$(date)}"_s
                                << u"parameter($x) parameter[literal(y)] parameter($1) "
                                   u"parameter($?) parameter[literal(#z)] "
                                   "parameter[literal(w:-) command{w:date}]"_s
                                << u"$x${y}$1$?${#z}${w:-$(date)}"_s;
    QTest::addRow("quoted substitution")
        << u"\"$(echo ')')\""_s << u"double[command{w:echo w:')'}]"_s << u"$(echo ')')"_s;
    QTest::addRow("backticks in double quotes")
        << u"\"`hostname` ok\""_s << u"double[backticks{w:hostname} literal( ok)]"_s
        << u"`hostname` ok"_s;
    QTest::addRow("parameter with quotes")
        << u"${x:-'a}b'}"_s << u"parameter[literal(x:-) single('a}b')]"_s << u"${x:-'a}b'}"_s;
    QTest::addRow("lone dollar") << u"a$"_s << u"literal(a$)"_s << u"a$"_s;
    QTest::addRow("continuation") << u"a\\\nb"_s << u"literal(a) continuation(\\\\n) literal(b)"_s
                                  << u"ab"_s;
    QTest::addRow("arithmetic") << u"$((x + $(id -u)))"_s
                                << u"arithmetic[literal(x + ) command{w:id w:-u}]"_s
                                << u"$((x + $(id -u)))"_s;
}

void ShellLexerTest::parts()
{
    QFETCH(QString, word);
    QFETCH(QString, parts);
    QFETCH(QString, value);
    const ShellLexResult lexed = lexShell(word);
    QCOMPARE(lexed.tokens.size(), size_t(1));
    const ShellToken &token = lexed.tokens.front();
    QCOMPARE(token.kind, ShellToken::Kind::Word);
    QCOMPARE(describedParts(token.parts), parts);
    QCOMPARE(token.value(), value);
    QVERIFY(lexed.problems.isEmpty());
    const QString broken = ShellLexerChecks::brokenRule(lexed);
    QVERIFY2(broken.isEmpty(), qPrintable(broken));
}

void ShellLexerTest::hereDocuments_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // "delimiter expands|literal content" per body

    QTest::addRow("plain") << u"cat <<EOF\nx $y\nEOF\n"_s << QStringList{u"EOF expands x $y\\n"_s};
    QTest::addRow("quoted") << u"cat <<'EOF'\n$y\nEOF"_s << QStringList{u"EOF literal $y\\n"_s};
    QTest::addRow("double-quoted") << u"cat <<\"E\"\n$y\nE"_s << QStringList{u"E literal $y\\n"_s};
    QTest::addRow("backslash") << u"cat <<\\EOF\nDon't\nEOF"_s
                               << QStringList{u"EOF literal Don't\\n"_s};
    QTest::addRow("partly quoted")
        << u"cat <<E\"O\"F\nx\nEOF"_s << QStringList{u"EOF literal x\\n"_s};
    QTest::addRow("dash strips tabs")
        << u"cat <<-END\n\tx\n\tEND"_s << QStringList{u"END expands \\tx\\n"_s};
    QTest::addRow("space before the delimiter")
        << u"cat << EOF\nx\nEOF"_s << QStringList{u"EOF expands x\\n"_s};
    QTest::addRow("indented closing line")
        << u"cat <<\"END\"\nx\n  END"_s << QStringList{u"END literal x\\n"_s};
    QTest::addRow("empty body") << u"cat <<EOF\nEOF\nls"_s << QStringList{u"EOF expands "_s};
    QTest::addRow("two in order") << u"cat <<A <<B\na\nA\nb\nB"_s
                                  << QStringList{u"A expands a\\n"_s, u"B expands b\\n"_s};
    QTest::addRow("opened after a quote across lines")
        << u"echo 'a\nb' <<E\nbody\nE"_s << QStringList{u"E expands body\\n"_s};
    QTest::addRow("a heredoc closing word inside a body is text")
        << u"cat <<A\nB\nA\ncat <<B\nA\nB"_s
        << QStringList{u"A expands B\\n"_s, u"B expands A\\n"_s};
    QTest::addRow("not in quotes") << u"echo \"<<EOF\"\nEOF"_s << QStringList{};
    QTest::addRow("not in a comment") << u"# cat <<EOF\nEOF"_s << QStringList{};
    QTest::addRow("not in arithmetic") << u"echo $((1<<3))\nx"_s << QStringList{};
}

void ShellLexerTest::hereDocuments()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const ShellLexResult lexed = lexShell(text);
    QStringList bodies;
    forEachShellToken(lexed.tokens, [&](const ShellToken &token, int) {
        if (token.kind != ShellToken::Kind::HereDocument)
            return;
        QVERIFY(token.terminated);
        bodies.append(token.delimiter + (token.expands ? u" expands "_s : u" literal "_s) +
                      shown(text.mid(token.content.start, token.content.length)));
    });
    QCOMPARE(bodies, expected);
    QVERIFY(lexed.problems.isEmpty());
    // Each opener names its body's delimiter and quoting.
    QStringList openers;
    forEachShellToken(lexed.tokens, [&](const ShellToken &token, int) {
        if (token.isHereDocumentOpener())
            openers.append(token.delimiter + (token.expands ? u" expands "_s : u" literal "_s));
    });
    QCOMPARE(openers.size(), bodies.size());
    for (qsizetype i = 0; i < openers.size(); ++i)
        QVERIFY(bodies[i].startsWith(openers[i]));
}

void ShellLexerTest::problems_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // "problem@position"
    QTest::addColumn<QStringList>("tokens");

    QTest::addRow("single quote") << u"echo 'abc"_s << QStringList{u"single quote@5"_s}
                                  << QStringList{u"w:echo"_s, u"w:'abc"_s};
    QTest::addRow("apostrophe swallows the rest")
        << u"echo don't\nrm -rf x # y"_s << QStringList{u"single quote@8"_s}
        << QStringList{u"w:echo"_s, u"w:don't\\nrm -rf x # y"_s};
    QTest::addRow("double quote") << u"echo \"a $(b)"_s << QStringList{u"double quote@5"_s}
                                  << QStringList{u"w:echo"_s, u"w:\"a $(b)"_s};
    QTest::addRow("substitution") << u"echo $(ls\n"_s << QStringList{u"substitution@5"_s}
                                  << QStringList{u"w:echo"_s, u"w:$(ls\\n"_s};
    QTest::addRow("backticks") << u"a=`date"_s << QStringList{u"backticks@2"_s}
                               << QStringList{u"w:a=`date"_s};
    QTest::addRow("parameter") << u"echo ${x"_s << QStringList{u"parameter@5"_s}
                               << QStringList{u"w:echo"_s, u"w:${x"_s};
    QTest::addRow("arithmetic") << u"echo $((1+"_s << QStringList{u"arithmetic@5"_s}
                                << QStringList{u"w:echo"_s, u"w:$((1+"_s};
    QTest::addRow("here-document")
        << u"cat <<EOF\nx"_s << QStringList{u"heredoc@4"_s}
        << QStringList{u"w:cat"_s, u"r:<<EOF"_s, u"o:\\n"_s, u"h:EOF…"_s};
    QTest::addRow("here-document without a body")
        << u"cat <<A <<B"_s << QStringList{u"heredoc@4"_s, u"heredoc@8"_s}
        << QStringList{u"w:cat"_s, u"r:<<A"_s, u"r:<<B"_s};
    QTest::addRow("second here-document open")
        << u"cat <<A <<B\na\nA\nb"_s << QStringList{u"heredoc@8"_s}
        << QStringList{u"w:cat"_s, u"r:<<A"_s, u"r:<<B"_s, u"o:\\n"_s, u"h:A"_s, u"h:B…"_s};
    QTest::addRow("missing target")
        << u"echo >"_s << QStringList{u"no target@5"_s} << QStringList{u"w:echo"_s, u"r:>"_s};
    QTest::addRow("comment is no target") << u"echo > #x"_s << QStringList{u"no target@5"_s}
                                          << QStringList{u"w:echo"_s, u"r:>"_s, u"c:#x"_s};
    QTest::addRow("lone backslash")
        << u"echo \\"_s << QStringList{} << QStringList{u"w:echo"_s, u"w:\\"_s};
    QTest::addRow("stray parenthesis")
        << u"echo )"_s << QStringList{} << QStringList{u"w:echo"_s, u"o:)"_s};
}

void ShellLexerTest::problems()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, tokens);
    const ShellLexResult lexed = lexShell(text);
    QStringList found;
    for (const ShellLexProblem &problem : lexed.problems)
        found.append(problemName(problem.kind) + u'@' + QString::number(problem.position));
    QCOMPARE(found, expected);
    QCOMPARE(described(lexed.tokens), tokens);
    const QString broken = ShellLexerChecks::brokenRule(lexed);
    QVERIFY2(broken.isEmpty(), qPrintable(broken));
}

void ShellLexerTest::reservedWordsWhereCommandsBegin()
{
    // `{` and `}` are operators only where a command begins; elsewhere they are words.
    const ShellLexResult group = lexShell(u"{ echo } ; } && find . -exec rm {} \\;"_s);
    QCOMPARE(described(group.tokens),
             (QStringList{u"o:{"_s, u"w:echo"_s, u"w:}"_s, u"o:;"_s, u"o:}"_s, u"o:&&"_s,
                          u"w:find"_s, u"w:."_s, u"w:-exec"_s, u"w:rm"_s, u"w:{}"_s, u"w:\\;"_s}));
    // A command begins after operators, newlines and the words that lead into one.
    const ShellLexResult script =
        lexShell(u"if true; then echo fi; fi\nwhile ! x; do time y; done\nf() { g; }"_s);
    QStringList positions;
    for (const ShellToken &token : script.tokens) {
        if (token.kind == ShellToken::Kind::Word ||
            (token.kind == ShellToken::Kind::Operator && token.text != u"\n"))
            positions.append((token.commandPosition ? u"^"_s : u""_s) + token.text);
    }
    QCOMPARE(positions,
             (QStringList{u"^if"_s, u"^true"_s, u";"_s,      u"^then"_s, u"^echo"_s, u"fi"_s,
                          u";"_s,   u"^fi"_s,   u"^while"_s, u"^!"_s,    u"^x"_s,    u";"_s,
                          u"^do"_s, u"^time"_s, u"^y"_s,     u";"_s,     u"^done"_s, u"^f"_s,
                          u"("_s,   u"^)"_s,    u"^{"_s,     u"^g"_s,    u";"_s,     u"^}"_s}));
    QVERIFY(script.tokens.front().isWord(u"if"));
    QVERIFY(!lexShell(u"'if'"_s).tokens.front().isWord(u"if"));
    QVERIFY(lexShell(u"X=1"_s).tokens.front().isAssignment());
    QVERIFY(lexShell(u"a[k]+=\"v\""_s).tokens.front().isAssignment());
    QVERIFY(!lexShell(u"=1"_s).tokens.front().isAssignment());
    QVERIFY(!lexShell(u"'X'=1"_s).tokens.front().isAssignment());
}

void ShellLexerTest::withoutComments_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::addRow("line comment") << u"# rm -rf /\nls"_s << u"\nls"_s;
    QTest::addRow("trailing") << u"df -h # then rm"_s << u"df -h "_s;
    QTest::addRow("quoted hash") << u"echo '#'; rm x"_s << u"echo '#'; rm x"_s;
    QTest::addRow("hash in a word") << u"a#b # c"_s << u"a#b "_s;
    QTest::addRow("in a substitution") << u"x=$(ls # all\n)"_s << u"x=$(ls \n)"_s;
    QTest::addRow("here-document body is text")
        << u"cat <<EOF\n# keep\nEOF # drop"_s << u"cat <<EOF\n# keep\nEOF # drop"_s;
    QTest::addRow("after the body") << u"cat <<EOF\nx\nEOF\n# drop"_s << u"cat <<EOF\nx\nEOF\n"_s;
}

void ShellLexerTest::withoutComments()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(withoutShellComments(lexShell(text)), expected);
}

void ShellLexerTest::invariants_data()
{
    QTest::addColumn<QString>("text");
    for (const char *sample : RealWorld)
        QTest::addRow("%s", QByteArray(sample).left(40).replace('\n', ' ').constData())
            << QString::fromUtf8(sample);
    // The shell-quoting corpus: odd, short and partly unterminated.
    const QDir corpus(QStringLiteral(OPSDECK_TEST_DATA_DIR "/shell"));
    const QStringList files = corpus.entryList(QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files)
        QTest::addRow("%s", qPrintable(file)) << QString::fromUtf8(readFile(corpus.filePath(file)));
}

void ShellLexerTest::invariants()
{
    QFETCH(QString, text);
    const ShellLexResult lexed = lexShell(text);
    const QString broken = ShellLexerChecks::brokenRule(lexed);
    QVERIFY2(broken.isEmpty(), qPrintable(broken));
    QString joined;
    for (const ShellToken &token : lexed.tokens)
        joined += token.text;
    QCOMPARE(joined, text);
}

void ShellLexerTest::neverCrashesOrStalls()
{
    QRandomGenerator random(20261206);
    const QString pieces[] = {u"'"_s,  u"\""_s, u"`"_s,  u"$("_s,   u"$(("_s,  u"${"_s,
                              u")"_s,  u"}"_s,  u"("_s,  u"<<"_s,   u"<<-"_s,  u"EOF"_s,
                              u"\n"_s, u"\\"_s, u"#"_s,  u" "_s,    u";"_s,    u"|"_s,
                              u"&"_s,  u">"_s,  u"<"_s,  u"case"_s, u"esac"_s, u"[["_s,
                              u"=~"_s, u"a="_s, u"$'"_s, u"{"_s,    u"\t"_s,   u"x"_s};
    for (int round = 0; round < 3000; ++round) {
        QString text;
        const int count = random.bounded(1, 60);
        for (int i = 0; i < count; ++i)
            text += pieces[random.bounded(int(std::size(pieces)))];
        const ShellLexResult lexed = lexShell(text);
        const QString broken = ShellLexerChecks::brokenRule(lexed);
        QVERIFY2(broken.isEmpty(), qPrintable(broken + u" in: "_s + shown(text)));
    }
    // Nesting deeper than anyone writes ends in a problem, not a crashed stack.
    const QString deep = QString(u"$("_s).repeated(5000) + QString(u"\"`"_s).repeated(5000);
    const ShellLexResult lexed = lexShell(deep);
    QVERIFY(std::ranges::any_of(lexed.problems, [](const ShellLexProblem &problem) {
        return problem.kind == ShellLexProblem::Kind::NestedTooDeeply;
    }));
    QVERIFY(ShellLexerChecks::brokenRule(lexed).isEmpty());
}

QTEST_GUILESS_MAIN(ShellLexerTest)
#include "tst_shelllexer.moc"
