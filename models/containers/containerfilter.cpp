// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/containers/containerfilter.h"

#include "models/containers/containerlistmodel.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(LabelSelector)
};

// A hand-written scanner over the selector grammar; positions count from 1 for the message.
class SelectorScanner
{
public:
    explicit SelectorScanner(QStringView text)
        : m_text(text)
    {
    }

    LabelSelectorParse parse()
    {
        LabelSelector selector;
        skipSpaces();
        if (atEnd())
            return {selector, {}};
        while (true) {
            LabelSelector::Requirement requirement;
            if (!readRequirement(requirement))
                return {std::nullopt, m_error};
            selector.requirements.append(requirement);
            skipSpaces();
            if (atEnd())
                return {selector, {}};
            if (!expect(u','))
                return {std::nullopt, m_error};
        }
    }

private:
    bool atEnd() const { return m_at >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const
    {
        return m_at + ahead < m_text.size() ? m_text.at(m_at + ahead) : QChar();
    }
    void skipSpaces()
    {
        while (!atEnd() && peek().isSpace())
            ++m_at;
    }
    bool fail(const QString &what)
    {
        m_error = Text::tr("column %1: %2").arg(m_at + 1).arg(what);
        return false;
    }
    bool expect(QChar wanted)
    {
        skipSpaces();
        if (peek() != wanted)
            return fail(Text::tr("expected '%1'").arg(wanted));
        ++m_at;
        return true;
    }
    static bool isWordChar(QChar c)
    {
        return c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.' || c == u'/';
    }
    QString word()
    {
        skipSpaces();
        const qsizetype start = m_at;
        while (!atEnd() && isWordChar(peek()))
            ++m_at;
        return m_text.sliced(start, m_at - start).toString();
    }
    bool readRequirement(LabelSelector::Requirement &requirement)
    {
        skipSpaces();
        if (peek() == u'!') {
            ++m_at;
            requirement.key = word();
            requirement.op = LabelSelector::Requirement::Operator::DoesNotExist;
            return !requirement.key.isEmpty() || fail(Text::tr("expected a label name"));
        }
        requirement.key = word();
        if (requirement.key.isEmpty())
            return fail(Text::tr("expected a label name"));
        skipSpaces();
        if (atEnd() || peek() == u',') {
            requirement.op = LabelSelector::Requirement::Operator::Exists;
            return true;
        }
        if (peek() == u'!' && peek(1) == u'=') {
            m_at += 2;
            requirement.op = LabelSelector::Requirement::Operator::NotEquals;
            requirement.values = {word()};
            return true;
        }
        if (peek() == u'=') {
            m_at += peek(1) == u'=' ? 2 : 1;
            requirement.op = LabelSelector::Requirement::Operator::Equals;
            requirement.values = {word()};
            return true;
        }
        const qsizetype before = m_at;
        const QString keyword = word();
        if (keyword == u"in" || keyword == u"notin") {
            requirement.op = keyword == u"in" ? LabelSelector::Requirement::Operator::In
                                              : LabelSelector::Requirement::Operator::NotIn;
            if (!expect(u'('))
                return false;
            while (true) {
                const QString value = word();
                if (value.isEmpty())
                    return fail(Text::tr("expected a value"));
                requirement.values.append(value);
                skipSpaces();
                if (peek() == u')') {
                    ++m_at;
                    return true;
                }
                if (!expect(u','))
                    return false;
            }
        }
        m_at = before;
        return fail(Text::tr("expected '=', '!=', 'in' or 'notin'"));
    }

    QStringView m_text;
    qsizetype m_at = 0;
    QString m_error;
};

} // namespace

bool LabelSelector::matches(const QMap<QString, QString> &labels) const
{
    for (const Requirement &requirement : requirements) {
        const auto found = labels.constFind(requirement.key);
        const bool present = found != labels.cend();
        switch (requirement.op) {
        case Requirement::Operator::Exists:
            if (!present)
                return false;
            break;
        case Requirement::Operator::DoesNotExist:
            if (present)
                return false;
            break;
        case Requirement::Operator::Equals:
        case Requirement::Operator::In:
            if (!present || !requirement.values.contains(*found))
                return false;
            break;
        case Requirement::Operator::NotEquals:
        case Requirement::Operator::NotIn:
            if (present && requirement.values.contains(*found))
                return false;
            break;
        }
    }
    return true;
}

LabelSelectorParse parseLabelSelector(QStringView text)
{
    return SelectorScanner(text).parse();
}

ContainerFilterModel::ContainerFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ContainerListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

ContainerFilterModel::~ContainerFilterModel() = default;

void ContainerFilterModel::setText(const QString &text)
{
    const QStringList words = text.toLower().split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

void ContainerFilterModel::setConditions(const QSet<ContainerCondition> &conditions)
{
    if (conditions == m_conditions)
        return;
    m_conditions = conditions;
    invalidateFilter();
}

QString ContainerFilterModel::setLabelSelector(const QString &text)
{
    const LabelSelectorParse parsed = parseLabelSelector(text);
    if (!parsed.selector)
        return parsed.error;
    m_selector = *parsed.selector;
    m_selectorText = text;
    invalidateFilter();
    return {};
}

void ContainerFilterModel::setScope(const QString &host, const QString &sourceKey)
{
    if (host == m_scopeHost && sourceKey == m_scopeSource)
        return;
    m_scopeHost = host;
    m_scopeSource = sourceKey;
    invalidateFilter();
}

bool ContainerFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *list = qobject_cast<const ContainerListModel *>(sourceModel());
    if (!list || sourceParent.isValid())
        return true;
    const ContainerRow &row = list->rowAt(sourceRow);
    if (!m_scopeHost.isEmpty() && row.host != m_scopeHost)
        return false;
    if (!m_scopeSource.isEmpty()) {
        ContainerSource source;
        source.host = row.host;
        source.runtime = row.runtime;
        source.context = row.context;
        if (source.key() != m_scopeSource)
            return false;
    }
    // A source's error stays in sight whatever the filter: it explains missing rows.
    if (list->isPlaceholder(sourceRow))
        return true;
    if (!m_conditions.isEmpty() && !m_conditions.contains(row.condition))
        return false;
    if (!m_selector.isEmpty() && !m_selector.matches(row.labels))
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack = QStringList{row.host,
                                         row.name,
                                         row.image,
                                         row.project,
                                         row.service,
                                         row.kubeNamespace,
                                         row.context,
                                         row.node,
                                         row.status,
                                         row.reason,
                                         row.lastRestartReason,
                                         containerRuntimeId(row.runtime)}
                                 .join(u'\n')
                                 .toLower();
    for (const QString &word : m_words) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}

} // namespace OpsDeck
