#include "app/gui/Autosave.h"

#include "exporters/AtomicFile.h"
#include "exporters/TemplateWriter.h"
#include "model/Document.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace tributary {

namespace {

const QString kSuffix = QStringLiteral(".recovery.yaml");
const QString kOriginSuffix = QStringLiteral(".origin");

} // namespace

Autosave::Autosave(Document* document, const QString& folder, int intervalMs, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_folder(folder.isEmpty() ? defaultFolder() : folder)
    , m_path(QDir(m_folder).filePath(QStringLiteral("session-%1%2").arg(QCoreApplication::applicationPid()).arg(kSuffix)))
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { saveNow(); });
    connect(document, &Document::modifiedChanged, this, [this](bool modified) {
        if (modified)
            m_timer.start();
        else
            discard();
    });
}

Autosave::~Autosave()
{
    discard();
}

QString Autosave::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("recovery"));
}

QString Autosave::saveNow()
{
    if (!m_document->isModified())
        return {};
    if (!QDir().mkpath(m_folder))
        return tr("cannot make the recovery folder %1").arg(m_folder);
    const QString problem = AtomicFile::write(m_path, TemplateWriter::write(m_document->architecture()));
    if (problem.isEmpty())
        return AtomicFile::write(m_path + kOriginSuffix, m_document->filePath().toUtf8());
    return problem;
}

void Autosave::discard()
{
    m_timer.stop();
    remove(m_path);
}

void Autosave::remove(const QString& recoveryPath)
{
    QFile::remove(recoveryPath);
    QFile::remove(recoveryPath + kOriginSuffix);
}

QString Autosave::findLeftBehind(const QString& folder)
{
    const QDir dir(folder.isEmpty() ? defaultFolder() : folder);
    const QFileInfoList copies = dir.entryInfoList({QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Time);
    return copies.isEmpty() ? QString() : copies.front().absoluteFilePath();
}

QString Autosave::originalPathOf(const QString& recoveryPath)
{
    QFile origin(recoveryPath + kOriginSuffix);
    return origin.open(QIODevice::ReadOnly) ? QString::fromUtf8(origin.readAll()) : QString();
}

} // namespace tributary
