// Benchmark (not a test): reading a generated template of 2,000 resources wired by 3,000 connections,
// and exporting it as plain CloudFormation (SAM expanded).
// Prints the median of several runs of each step; run `build/tests/bench_templates [resources]`.

#include "exporters/CloudFormationExpander.h"
#include "exporters/ConnectionDeriver.h"
#include "exporters/TemplateReader.h"
#include "exporters/TemplateWriter.h"
#include "model/validation/Validator.h"
#include "model/tree/TreeFileReader.h"
#include "model/catalogue/Catalogue.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace tributary;

namespace {

/**
 * A SAM template of `groups` groups of five resources (topic, queue, subscription, table, function),
 * wired inside each group and to the next groups so that there are 7.5 connections per group:
 * topic→queue (subscription resource), queue→function (SQS event), function→table and
 * function→next topic (SDK calls: policy + environment variable), topic→function two groups on
 * (SNS event), a plain reference, a DependsOn, and on every other group a dead-letter redrive.
 */
QByteArray generateTemplate(int groups)
{
    QByteArray text;
    QTextStream out(&text);
    out << "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n";
    for (int i = 0; i < groups; ++i) {
        const int next = (i + 1) % groups;
        const int later = (i + 2) % groups;
        out << "  Topic" << i << ":\n    Type: AWS::SNS::Topic\n"
            << "  Queue" << i << ":\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 180\n";
        if (i % 2 == 0)
            out << "      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt Queue" << next
                << ".Arn\n        maxReceiveCount: 5\n";
        out << "  Sub" << i << ":\n    Type: AWS::SNS::Subscription\n    Properties:\n      TopicArn: !Ref Topic" << i
            << "\n      Protocol: sqs\n      Endpoint: !GetAtt Queue" << i << ".Arn\n"
            << "  Table" << i << ":\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n"
            << "      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n"
            << "      KeySchema: [{AttributeName: id, KeyType: HASH}]\n"
            << "  Worker" << i << ":\n    Type: AWS::Serverless::Function\n    DependsOn: Table" << next
            << "\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      CodeUri: src/\n"
            << "      Timeout: 30\n      Description: !Sub 'reads ${Queue" << later << "}'\n"
            << "      Environment:\n        Variables:\n          TABLE: !Ref Table" << i << "\n          TOPIC: !Ref Topic"
            << next << "\n      Policies:\n        - DynamoDBCrudPolicy:\n            TableName: !Ref Table" << i
            << "\n        - SNSPublishMessagePolicy:\n            TopicName: !GetAtt Topic" << next << ".TopicName\n"
            << "      Events:\n        FromQueue:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt Queue" << i
            << ".Arn\n            BatchSize: 10\n        FromTopic:\n          Type: SNS\n          Properties:\n"
            << "            Topic: !Ref Topic" << later << "\n";
    }
    out.flush();
    return text;
}

double medianMilliseconds(int runs, const std::function<void()>& step)
{
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        step();
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    const int resources = argc > 1 ? std::atoi(argv[1]) : 2000;
    const int groups = std::max(1, resources / 5);
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("generated.yaml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(generateTemplate(groups));
    file.close();

    const Catalogue& catalogue = Catalogue::builtIn();
    Architecture architecture;
    const double parseMs = medianMilliseconds(5, [&] { TreeFileReader::read(path); });
    const double readMs = medianMilliseconds(5, [&] { architecture = TemplateReader::read(path, catalogue, nullptr); });
    const double deriveMs = medianMilliseconds(5, [&] { ConnectionDeriver::derive(architecture, catalogue); });
    std::printf("template: %lld bytes, %zu resources, %zu connections\n", static_cast<long long>(file.size()),
                architecture.resources().size(), architecture.connections().size());
    std::printf("import (parse + build + derive connections): median %.1f ms of 5 runs\n", readMs);
    std::printf("  of which YAML parse: %.1f ms, connection derivation: %.1f ms\n", parseMs, deriveMs);
    QByteArray plain;
    const double expandMs = medianMilliseconds(5, [&] { CloudFormationExpander::toTree(architecture); });
    const double cfnMs = medianMilliseconds(
        5, [&] { plain = CloudFormationExpander::write(architecture, TemplateStyle::Format::Yaml); });
    std::printf("export cfn-yaml (expand SAM + write YAML): median %.1f ms of 5 runs, %lld bytes; expansion alone %.1f ms\n",
                cfnMs, static_cast<long long>(plain.size()), expandMs);
    QByteArray sam;
    const double samMs = medianMilliseconds(5, [&] { sam = TemplateWriter::write(architecture); });
    std::printf("export sam-yaml (write the template back): median %.1f ms of 5 runs, %lld bytes\n", samMs,
                static_cast<long long>(sam.size()));
    const Validator validator = Validator::withBuiltInRules();
    std::size_t findings = 0;
    const double validateMs = medianMilliseconds(5, [&] { findings = validator.validate(architecture, catalogue).size(); });
    std::printf("validate (built-in rules): median %.1f ms of 5 runs, %zu findings\n", validateMs, findings);
    return 0;
}
