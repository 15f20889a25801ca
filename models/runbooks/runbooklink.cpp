// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/runbooks/runbooklink.h"

#include <QCoreApplication>

namespace OpsDeck {

namespace {

class RunbookLinks
{
    Q_DECLARE_TR_FUNCTIONS(RunbookLinks)

public:
    static RunbookLink classify(const QString &href)
    {
        RunbookLink link;
        const QString trimmed = href.trimmed();
        if (trimmed.startsWith(u'#')) {
            link.kind = RunbookLink::Kind::Anchor;
            link.anchor = trimmed.mid(1);
            link.shown = trimmed;
            return link;
        }
        const QUrl url(trimmed, QUrl::StrictMode);
        link.shown = url.isValid() ? QString::fromLatin1(url.toEncoded()) : trimmed;
        const QString scheme = url.scheme(); // lower case
        if (!url.isValid()) {
            link.reason = tr("it is not a valid address");
        } else if (scheme.isEmpty()) {
            link.reason = tr("it has no http:// or https:// in front (a path or a relative "
                             "link)");
        } else if (scheme == u"file") {
            link.reason = tr("file: links open files on this computer");
        } else if (scheme == u"javascript") {
            link.reason = tr("javascript: links run code");
        } else if (scheme == u"data") {
            link.reason = tr("data: links carry their own content");
        } else if (scheme != u"http" && scheme != u"https") {
            link.reason = tr("%1: links hand the address to another program").arg(scheme);
        } else if (url.host().isEmpty()) {
            link.reason = tr("it names no host");
        } else {
            link.kind = RunbookLink::Kind::Web;
            link.url = url;
        }
        return link;
    }
};

} // namespace

RunbookLink classifyRunbookLink(const QString &href)
{
    return RunbookLinks::classify(href);
}

} // namespace OpsDeck
