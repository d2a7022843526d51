// Benchmark (not a test): compiled EventBridge patterns and SNS filter policies matched against
// realistic events. Prints the median matches per second of several runs of each case; run
// `build/tests/bench_matching [matches per run]`.

#include "model/simulation/EventPatternMatcher.h"
#include "model/simulation/FilterPolicyMatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace tributary;

namespace {

const char* const orderEvent = R"({
  "version": "0", "id": "c2d5a8e4-6f1b-4d5e-9b1a-2f3c4d5e6f70", "detail-type": "OrderPlaced",
  "source": "com.example.orders", "account": "123456789012", "time": "2026-12-02T02:39:47Z",
  "region": "us-east-1", "resources": ["arn:aws:dynamodb:us-east-1:123456789012:table/Orders"],
  "detail": {
    "orderId": "o-1029384756", "customer": {"id": "c-42", "tier": "gold", "country": "DE"},
    "total": 142.5, "currency": "EUR", "channel": "web", "sourceIp": "10.1.2.3",
    "lines": [{"sku": "A-100", "qty": 2, "price": 50}, {"sku": "B-200", "qty": 1, "price": 42.5}],
    "coupon": null, "express": false
  }
})";

const char* const orderPattern = R"({
  "source": [{"prefix": "com.example."}],
  "detail-type": ["OrderPlaced", "OrderUpdated"],
  "detail": {
    "total": [{"numeric": [">", 100, "<=", 10000]}],
    "currency": [{"anything-but": ["USD", "GBP"]}],
    "customer": {"tier": [{"equals-ignore-case": "GOLD"}, "platinum"]},
    "lines": {"sku": [{"wildcard": "A-*"}]},
    "$or": [{"channel": ["mobile"]}, {"sourceIp": [{"cidr": "10.0.0.0/8"}]}]
  }
})";

/** Runs `match` `count` times in each of five runs; prints the median rate and how many matched. */
void report(const char* name, const std::function<bool()>& match, int count)
{
    std::vector<double> rates;
    int matched = 0;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < count; ++i)
            matched += match() ? 1 : 0;
        rates.push_back(count / (std::max<qint64>(timer.nsecsElapsed(), 1) / 1e9));
    }
    std::sort(rates.begin(), rates.end());
    std::printf("%-50s %12.0f matches/s (%d of %d matched)\n", name, rates[rates.size() / 2], matched, 5 * count);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 1000000;
    const JsonTree event = JsonTree::parse(orderEvent);
    JsonTree other = event;
    other["detail"]["currency"] = "USD";

    const EventPatternMatcher pattern = EventPatternMatcher::compile(JsonTree::parse(orderPattern));
    const EventPatternMatcher simple =
        EventPatternMatcher::compile(JsonTree::parse(R"({"source": ["com.example.orders"], "detail-type": ["OrderPlaced"]})"));
    report("event pattern, 8 conditions, matching event", [&] { return pattern.matches(event); }, count);
    report("event pattern, 8 conditions, failing on the 4th", [&] { return pattern.matches(other); }, count);
    report("event pattern, source and detail-type", [&] { return simple.matches(event); }, count);

    const JsonTree attributes = JsonTree::parse(R"({"store": "example_corp", "event": "order_placed",
        "price_usd": 210.75, "customer_interests": ["soccer", "rugby", "hockey"]})");
    const FilterPolicyMatcher policy = FilterPolicyMatcher::compile(
        JsonTree::parse(R"({"store": ["example_corp"], "event": [{"anything-but": "order_cancelled"}],
            "customer_interests": ["rugby", "football", "baseball"], "price_usd": [{"numeric": [">=", 100]}]})"),
        FilterPolicyMatcher::Scope::MessageAttributes);
    report("filter policy, 4 attributes, matching message", [&] { return policy.matches(attributes, JsonTree()); }, count);
    return 0;
}
