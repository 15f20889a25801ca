// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/commandrisk.h"

#include "models/remote/shelllexer.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(CommandRisk)
};

struct Rule {
    Risk risk;
    QRegularExpression pattern;
    const char *reason;
};

QRegularExpression word(const QString &pattern)
{
    // Words are separated by the shell's punctuation; SQL keywords match in any case.
    return QRegularExpression(u"(?:^|[\\s;&|(`$'\"])(?<word>" + pattern + u")(?=$|[\\s;&|()`'\"])",
                              QRegularExpression::CaseInsensitiveOption);
}

const QList<Rule> &rules()
{
    static const QList<Rule> list = {
        {Risk::Destroy, word(u"rm|rmdir|shred|mkfs(?:\\.\\w+)?|wipefs|dd"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "deletes or overwrites data")},
        {Risk::Destroy,
         word(u"drop\\s+(?:table|database|schema|index|view|role|user|extension|function|"
              "trigger|sequence|owned|type|materialized\\s+view|publication|subscription|"
              "tablespace|policy\\s+\\w|column)|truncate(?:\\s+table)?\\s+[\\w\"]+"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "drops or empties database objects")},
        {Risk::Destroy,
         QRegularExpression(u"\\bdelete\\s+from\\b"_s, QRegularExpression::CaseInsensitiveOption),
         QT_TRANSLATE_NOOP("CommandRisk", "deletes database rows")},
        {Risk::Destroy, word(u"pg_terminate_backend|flushall|flushdb"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "terminates sessions or wipes a cache")},
        {Risk::Destroy, word(u"reboot|shutdown|halt|poweroff"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "stops the machine")},
        {Risk::Destroy,
         QRegularExpression(u"\\bkill\\s+(?:-9|-kill|-s\\s+kill)\\b"_s,
                            QRegularExpression::CaseInsensitiveOption),
         QT_TRANSLATE_NOOP("CommandRisk", "kills processes without letting them clean up")},
        {Risk::Destroy,
         QRegularExpression(u"(?:^|\\s)--force(?:$|[\\s=])|(?:^|\\s)-f\\s.*\\brestore\\b"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "forces an operation past its safety checks")},
        {Risk::Destroy, word(u"restore|pg_restore"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "restores data over what is there")},
        {Risk::Destroy,
         QRegularExpression(
             u"\\b(?:docker|podman)(?:-compose|\\s+compose)?\\s[^;|&]*?\\b(?:rm|rmi|down|system\\s+prune|volume\\s+rm)\\b"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "removes containers, images or volumes")},
        {Risk::Destroy,
         QRegularExpression(
             u"\\brabbitmqctl\\s+(?:purge_queue|delete_queue)\\b|\\bredis-cli\\b[^;|&\\n]*\\s(?:del|unlink)\\s"_s,
             QRegularExpression::CaseInsensitiveOption),
         QT_TRANSLATE_NOOP("CommandRisk", "deletes queued messages or cached keys")},
        // Flags may come before the verb: kubectl -n prod delete pod x.
        {Risk::Destroy, QRegularExpression(u"\\bkubectl\\b[^;|&\\n]*?\\sdelete(?=\\s|$)"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "deletes Kubernetes objects")},
        {Risk::Change,
         word(u"restart|reload|stop|start|scale|rollout|kill|pkill|killall|pg_cancel_backend"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "starts, stops or restarts something")},
        {Risk::Change,
         QRegularExpression(
             u"\\b(?:apt|apt-get|dnf|yum|pip|npm)\\s+(?:install|upgrade|dist-upgrade|remove|purge|update)\\b"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "installs or upgrades software")},
        {Risk::Change,
         word(
             u"mv|cp|chmod|chown|chgrp|ln|touch|mkdir|tee|install|useradd|usermod|passwd|crontab|tar|gunzip|unzip"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "changes files or accounts")},
        {Risk::Change,
         QRegularExpression(
             u"\\bnft\\s+(?:add|insert|delete|flush|replace|create|-f)\\b|\\biptables\\s+-[AIDFRPN]\\b|\\bufw\\s+(?:deny|allow|reject|limit|enable|disable|delete|insert)\\b"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "changes firewall rules")},
        {Risk::Change,
         QRegularExpression(
             u"\\b(?:pg_ctl|pg_ctlcluster)\\b[^;|&\\n]*\\spromote\\b|\\bpg_promote\\s*\\(|\\brenice\\b|\\bredis-cli\\b[^;|&\\n]*\\s(?:rename|config\\s+set|expire)\\s|\\bjournalctl\\b[^;|&\\n]*--vacuum-"_s,
             QRegularExpression::CaseInsensitiveOption),
         QT_TRANSLATE_NOOP("CommandRisk", "changes a running service, process or its data")},
        {Risk::Change, QRegularExpression(u"\\bsed\\s+(?:-\\w*i|--in-place)"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "edits files in place")},
        {Risk::Change, word(u"update|insert|alter|create|grant|revoke|vacuum|reindex|cluster"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "changes a database or its settings")},
        // SQL's SET names a setting and a value; the shell's `set -e` and `echo set` do not.
        {Risk::Change,
         QRegularExpression(
             u"(?:^|[\\s;('\"])(?<word>set\\s+(?:session\\s+|local\\s+)?[A-Za-z_][\\w.]*\\s*(?:=|to\\b))"_s,
             QRegularExpression::CaseInsensitiveOption),
         QT_TRANSLATE_NOOP("CommandRisk", "changes a database or its settings")},
        {Risk::Change,
         QRegularExpression(
             u"\\bkubectl\\b[^;|&\\n]*?\\s(?:apply|patch|edit|set|annotate|label|cordon|drain|taint|uncordon)(?=\\s|$)|\\bdocker(?:-compose|\\s+compose)?\\s+(?:up|pull|exec|run)\\b|\\bgit\\s+(?:checkout|pull|reset|merge)\\b"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "changes a deployment or a checkout")},
        // A redirection, not the end of a <placeholder>: no letter or dash right before it.
        {Risk::Change, QRegularExpression(u"(?<![A-Za-z_-])>>?\\s*(?!/dev/null\\b|&)[^\\s>&]"_s),
         QT_TRANSLATE_NOOP("CommandRisk", "writes to a file")},
    };
    return list;
}

} // namespace

RiskAssessment assessCommandRisk(const QString &commandText)
{
    RiskAssessment worst;
    // Comments are not commands: `df -h # then rm` reads. The lexer decides what is one, so
    // `echo '#'; rm -rf /` keeps its rm and a here-document's "# ..." lines stay.
    const QString commands = withoutShellComments(lexShell(commandText));
    for (const Rule &rule : rules()) {
        if (int(rule.risk) <= int(worst.risk))
            continue;
        const QRegularExpressionMatch match = rule.pattern.match(commands);
        if (match.hasMatch()) {
            worst.risk = rule.risk;
            const QString what = match.captured(u"word");
            worst.reason = (what.isEmpty() ? match.captured(0).trimmed() : what) + u": " +
                           QCoreApplication::translate("CommandRisk", rule.reason);
        }
    }
    return worst;
}

} // namespace OpsDeck
