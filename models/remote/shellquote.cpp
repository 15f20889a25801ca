// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/shellquote.h"

namespace OpsDeck {

namespace {

bool isSafeBare(QChar c)
{
    // Letters, digits and punctuation that no POSIX shell interprets anywhere in a word.
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'_' || c == u'-' || c == u'.' || c == u'/' || c == u',' || c == u':' ||
           c == u'@' || c == u'%' || c == u'+';
}

} // namespace

QString shellQuote(const QString &argument)
{
    // "=" is safe inside a word but not at its start in every shell (zsh's =cmd expansion),
    // and "~" expands at a word's start: keep both quoted.
    if (!argument.isEmpty() && std::all_of(argument.begin(), argument.end(), isSafeBare))
        return argument;
    QString quoted;
    quoted.reserve(argument.size() + 2);
    quoted += u'\'';
    for (const QChar c : argument) {
        if (c == u'\'')
            quoted += u"'\\''";
        else
            quoted += c;
    }
    quoted += u'\'';
    return quoted;
}

QString shellJoin(const QStringList &arguments)
{
    QStringList quoted;
    quoted.reserve(arguments.size());
    for (const QString &argument : arguments)
        quoted.append(shellQuote(argument));
    return quoted.join(u' ');
}

} // namespace OpsDeck
