// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workspace/hosteditdialog.h"

#include "models/workspace/yamltextedit.h"
#include "widgets/common/statuscolours.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace OpsDeck {

HostEditDialog::HostEditDialog(const Host *host, const QStringList &otherHosts, QWidget *parent)
    : QDialog(parent)
    , m_original(host ? *host : Host{})
    , m_isNew(host == nullptr)
    , m_name(new QLineEdit(this))
    , m_connection(new QComboBox(this))
    , m_address(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_user(new QLineEdit(this))
    , m_auth(new QComboBox(this))
    , m_key(new QLineEdit(this))
    , m_jump(new QComboBox(this))
    , m_tags(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_form(new QWidget(this))
{
    setWindowTitle(m_isNew ? tr("Add Host") : tr("Edit Host %1").arg(m_original.name));

    m_name->setText(m_original.name);
    m_connection->addItem(tr("SSH"), QStringLiteral("ssh"));
    m_connection->addItem(tr("This computer (no SSH)"), QStringLiteral("local"));
    m_connection->setCurrentIndex(m_original.isLocal() ? 1 : 0);
    m_address->setText(m_original.address == m_original.name ? QString() : m_original.address);
    m_address->setPlaceholderText(tr("same as the name"));
    m_port->setRange(1, 65535);
    m_port->setValue(m_original.port);
    m_user->setText(m_original.user);
    m_user->setPlaceholderText(tr("your user name"));
    for (const AuthMethod method : {AuthMethod::Agent, AuthMethod::Key, AuthMethod::Password,
                                    AuthMethod::KeyboardInteractive})
        m_auth->addItem(toString(method), toString(method));
    m_auth->setCurrentIndex(m_auth->findData(toString(m_original.auth)));
    m_key->setText(m_original.identityFile);
    m_key->setPlaceholderText(tr("OpenSSH's default keys"));
    m_jump->addItem(tr("None (direct)"), QString());
    for (const QString &other : otherHosts) {
        if (other != m_original.name)
            m_jump->addItem(other, other);
    }
    m_jump->setCurrentIndex(std::max(0, m_jump->findData(m_original.jumpHost)));
    m_tags->setText(m_original.tags.join(QStringLiteral(", ")));
    m_tags->setPlaceholderText(tr("comma-separated, e.g. web, frontend"));
    m_error->setObjectName(QStringLiteral("hostEditError"));
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, StatusColours::bad(errorPalette));
    m_error->setPalette(errorPalette);
    m_error->hide();

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Connection:"), m_connection);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Au&thentication:"), m_auth);
    form->addRow(tr("&Key file:"), m_key);
    form->addRow(tr("&Jump host:"), m_jump);
    form->addRow(tr("Ta&gs:"), m_tags);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_saveText = m_save->text();
    connect(buttons, &QDialogButtonBox::accepted, this, &HostEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, [this] { setSaving(m_saving); });
    connect(m_connection, &QComboBox::currentIndexChanged, this, &HostEditDialog::updateFields);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &HostEditDialog::updateFields);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    updateFields();
    setSaving(false);
}

HostEditDialog::~HostEditDialog() = default;

void HostEditDialog::updateFields()
{
    const bool ssh = m_connection->currentData().toString() == u"ssh";
    for (QWidget *field : {static_cast<QWidget *>(m_address), static_cast<QWidget *>(m_port),
                           static_cast<QWidget *>(m_user), static_cast<QWidget *>(m_auth),
                           static_cast<QWidget *>(m_jump)})
        field->setEnabled(ssh);
    m_key->setEnabled(ssh && m_auth->currentData().toString() == u"key");
}

void HostEditDialog::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void HostEditDialog::accept()
{
    if (m_saving)
        return;
    setError({});
    setSaving(true);
    Q_EMIT saveRequested();
}

void HostEditDialog::finishSaving(const QString &error)
{
    setSaving(false);
    if (error.isEmpty())
        return QDialog::accept();
    setError(error);
}

void HostEditDialog::setSaving(bool saving)
{
    m_saving = saving;
    // The fields stay as they were while the file is written; Cancel closes the dialog without
    // waiting (the change in flight still completes).
    m_form->setEnabled(!saving);
    m_save->setEnabled(!saving && !m_name->text().trimmed().isEmpty());
    m_save->setText(saving ? tr("Saving…") : m_saveText);
}

QList<QPair<QString, QString>> HostEditDialog::changes() const
{
    using YamlTextEdit::quoteScalar;
    QList<QPair<QString, QString>> result;
    const auto set = [&](const char *key, const QString &value, const QString &original,
                         const QString &yaml) {
        if (m_isNew ? !value.isEmpty() : value != original)
            result.append({QString::fromLatin1(key), yaml});
    };
    const QString name = m_name->text().trimmed();
    set("name", name, m_original.name, quoteScalar(name));
    const QString connection = m_connection->currentData().toString();
    set("connection", connection == u"ssh" && m_isNew ? QString() : connection,
        m_original.isLocal() ? QStringLiteral("local") : QStringLiteral("ssh"), connection);
    if (connection == u"ssh") {
        const QString address = m_address->text().trimmed();
        const QString originalAddress =
            m_original.address == m_original.name ? QString() : m_original.address;
        set("address", address, originalAddress, quoteScalar(address.isEmpty() ? name : address));
        const QString port = QString::number(m_port->value());
        set("port", m_isNew && port == u"22" ? QString() : port, QString::number(m_original.port),
            port);
        set("user", m_user->text().trimmed(), m_original.user,
            quoteScalar(m_user->text().trimmed()));
        const QString auth = m_auth->currentData().toString();
        set("auth", m_isNew && auth == u"agent" ? QString() : auth, toString(m_original.auth),
            auth);
        if (auth == u"key")
            set("key", m_key->text().trimmed(), m_original.identityFile,
                quoteScalar(m_key->text().trimmed()));
        const QString jump = m_jump->currentData().toString();
        set("jump", jump, m_original.jumpHost, quoteScalar(jump));
    }
    QStringList tags;
    for (const QString &tag : m_tags->text().split(u',', Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            tags.append(tag.trimmed());
    }
    set("tags", tags.join(u','), m_original.tags.join(u','), YamlTextEdit::flowList(tags));
    return result;
}

} // namespace OpsDeck
