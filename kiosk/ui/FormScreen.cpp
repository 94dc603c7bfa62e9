#include "kiosk/ui/FormScreen.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QVBoxLayout>

#include "kiosk/core/FilledForm.h"

namespace cccd::kiosk::ui {

FormScreen::FormScreen(KioskContext& context, QWidget* parent)
    : Screen(context, parent), m_title(new QLabel(this)), m_scroll(new QScrollArea(this)),
      m_summary(new QLabel(this)), m_back(new QPushButton(this)), m_next(new QPushButton(this)) {
    setObjectName("form");
    m_title->setProperty("role", "headline");
    m_title->setWordWrap(true);
    m_scroll->setWidgetResizable(true);
    m_summary->setProperty("role", "problem");
    m_back->setObjectName("formBack");
    m_next->setObjectName("formNext");
    m_next->setProperty("role", "primary");
    connect(m_back, &QPushButton::clicked, this, [this] { m_context.workflow.back(); });
    connect(m_next, &QPushButton::clicked, this, [this] { m_context.workflow.proceed(); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_next);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(buttons);
    retranslate();
}

void FormScreen::retranslate() {
    m_back->setText(tr("◀ Chọn thủ tục khác"));
    m_next->setText(tr("Xuất biểu mẫu ▶"));
    m_builtFor = nullptr;
    refresh();
}

void FormScreen::refresh() {
    const SessionData& session = m_context.workflow.session();
    if (m_context.workflow.step() != WorkflowStep::FillingForm || !session.form) {
        return;
    }
    if (session.form.get() != m_builtFor || m_builtIn != m_context.language) {
        build(*session.form);
    }
    showProblems();
}

void FormScreen::build(const FilledForm& form) {
    clear();
    m_builtFor = &form;
    m_builtIn = m_context.language;
    Language language = m_context.language;
    const FormDefinition& definition = form.definition();
    m_title->setText(qstr(definition.code + " — " + definition.title.in(language)));
    auto* page = new QWidget;
    auto* pageLayout = new QVBoxLayout(page);
    for (const FormSection& section : definition.sections) {
        auto* box = new QGroupBox(qstr(section.title.in(language)), page);
        auto* rows = new QFormLayout(box);
        rows->setRowWrapPolicy(QFormLayout::WrapLongRows);
        for (const FormField& field : section.fields) {
            QString label = qstr(field.label.in(language));
            if (field.required) {
                label += " *";
            }
            QString value = qstr(form.value(field.id));
            QString name = "field_" + qstr(field.id);
            if (field.fromChip()) {
                auto* edit = new QLineEdit(value, box);
                edit->setObjectName(name);
                edit->setReadOnly(true);
                edit->setProperty("role", "chip");
                edit->setToolTip(tr("Lấy từ chip, không sửa được"));
                rows->addRow(label + " " + tr("(từ chip)"), edit);
                continue;
            }
            std::string id = field.id;
            QWidget* input = nullptr;
            if (field.type == FieldType::Choice) {
                auto* combo = new QComboBox(box);
                combo->addItem(QString());
                for (const std::string& option : field.options) {
                    combo->addItem(qstr(option));
                }
                combo->setCurrentText(value);
                connect(combo, &QComboBox::currentTextChanged, this,
                        [this, id](const QString& text) { edited(id, text); });
                input = combo;
            } else if (field.type == FieldType::Check) {
                auto* check = new QCheckBox(box);
                check->setChecked(value == "true");
                connect(check, &QCheckBox::toggled, this, [this, id](bool on) {
                    edited(id, on ? QStringLiteral("true") : QString());
                });
                input = check;
            } else {
                auto* edit = new QLineEdit(value, box);
                edit->setPlaceholderText(qstr(field.hint.in(language)));
                connect(edit, &QLineEdit::textEdited, this,
                        [this, id](const QString& text) { edited(id, text); });
                input = edit;
            }
            input->setObjectName(name);
            auto* problem = new QLabel(box);
            problem->setProperty("role", "problem");
            m_problems[id] = problem;
            auto* cell = new QWidget(box);
            auto* cellLayout = new QVBoxLayout(cell);
            cellLayout->setContentsMargins(0, 0, 0, 0);
            cellLayout->addWidget(input);
            cellLayout->addWidget(problem);
            rows->addRow(label, cell);
        }
        pageLayout->addWidget(box);
    }
    pageLayout->addStretch();
    m_scroll->setWidget(page);
}

void FormScreen::edited(const std::string& fieldId, const QString& value) {
    m_context.workflow.setField(fieldId, value.toStdString());
}

void FormScreen::showProblems() {
    const FilledForm& form = *m_context.workflow.session().form;
    for (auto& [id, label] : m_problems) {
        label->clear();
    }
    std::vector<FieldProblem> problems = form.problems();
    for (const FieldProblem& problem : problems) {
        auto found = m_problems.find(problem.fieldId);
        bool touched = !form.value(problem.fieldId).empty();
        if (found != m_problems.end() && (touched || problem.kind != FieldProblemKind::Required)) {
            found->second->setText(qstr(problemText(problem.kind).in(m_context.language)));
        }
    }
    m_next->setEnabled(problems.empty());
    m_summary->setText(problems.empty() ? QString()
                                        : tr("Còn %n trường cần điền hoặc sửa.", nullptr,
                                             static_cast<int>(problems.size())));
}

void FormScreen::clear() {
    m_problems.clear();
    m_builtFor = nullptr;
    delete m_scroll->takeWidget();
    m_title->clear();
    m_summary->clear();
}

} // namespace cccd::kiosk::ui
