class ExportsController < ApplicationController
  EXPORTERS = { "csv" => CsvExporter, "pdf" => PdfExporter }.freeze
  SORTS = %w[name date size].freeze

  def calc
    expr = params[:expr]
    # ruleid: rb-code-injection
    result = eval(expr)
    # ok: rb-code-injection
    total = eval("1 + 2")
    render plain: (result + total).to_s
  end

  def create
    # ruleid: rb-code-injection
    klass = params[:type].constantize
    # ok: rb-code-injection
    exporter = EXPORTERS.fetch("csv")
    render plain: klass.new.run + exporter.new.run
  end

  def sort
    report = Report.find(params[:id])
    # ruleid: rb-code-injection
    value = report.public_send(params[:by])
    # ok: rb-code-injection
    other = report.public_send(:summary)
    render plain: value.to_s + other.to_s
  end

  def widget
    # ruleid: rb-code-injection
    model = "#{params[:model].camelize}Widget".safe_constantize
    # ruleid: rb-code-injection
    Widget.class_eval("def #{params[:name]}; end")
    head :ok
  end

  def run
    # ruleid: rb-code-injection
    eval params[:snippet]
    # ok: rb-code-injection
    eval "[1, 2, 3].sum"
    head :ok
  end
end
