// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/persistence/recordhash.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace OpsDeck::RecordHash {

namespace {

enum class Kind : char {
    Null = 'N',
    Integer = 'I',
    Real = 'R',
    Text = 'T',
    Blob = 'B',
};

void appendLength(QCryptographicHash &hash, quint64 length)
{
    char bytes[sizeof(quint64)];
    qToBigEndian(length, bytes);
    hash.addData(QByteArrayView(bytes, sizeof bytes));
}

void appendField(QCryptographicHash &hash, Kind kind, const QByteArray &bytes)
{
    const char tag = char(kind);
    hash.addData(QByteArrayView(&tag, 1));
    appendLength(hash, quint64(bytes.size()));
    hash.addData(bytes);
}

void appendValue(QCryptographicHash &hash, const QVariant &value)
{
    if (value.isNull()) {
        appendField(hash, Kind::Null, {});
        return;
    }
    switch (value.metaType().id()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        appendField(hash, Kind::Integer, QByteArray::number(value.toLongLong()));
        return;
    case QMetaType::ULongLong:
        appendField(hash, Kind::Integer, QByteArray::number(value.toULongLong()));
        return;
    case QMetaType::Double:
    case QMetaType::Float:
        // 17 significant digits read back as the same double.
        appendField(hash, Kind::Real, QByteArray::number(value.toDouble(), 'g', 17));
        return;
    case QMetaType::QByteArray:
        appendField(hash, Kind::Blob, value.toByteArray());
        return;
    default:
        appendField(hash, Kind::Text, value.toString().toUtf8());
        return;
    }
}

} // namespace

QString of(const QVariantList &fields)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    appendLength(hash, quint64(fields.size()));
    for (const QVariant &field : fields)
        appendValue(hash, field);
    return QString::fromLatin1(hash.result().toHex());
}

QString genesis()
{
    return QString(64, u'0');
}

} // namespace OpsDeck::RecordHash
