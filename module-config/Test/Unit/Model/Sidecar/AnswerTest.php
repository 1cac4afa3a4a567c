<?php
declare(strict_types=1);

namespace Forcebridge\Connector\Test\Unit\Model\Sidecar;

use Forcebridge\Connector\Exception\SidecarUnavailable;
use Forcebridge\Connector\Model\Sidecar\Answer;
use PHPUnit\Framework\TestCase;

final class AnswerTest extends TestCase
{
    public function testDecodesJsonAndKnowsSuccess(): void
    {
        $answer = Answer::fromHttp(202, '{"jobId":"abc"}');
        self::assertTrue($answer->ok());
        self::assertSame(['jobId' => 'abc'], $answer->body);
        self::assertSame([['value' => 'A', 'label' => 'A']], Answer::fromHttp(200, '[{"value":"A","label":"A"}]')->body);
    }

    public function testTellsTheSidecarsReasonForARefusal(): void
    {
        $answer = Answer::fromHttp(403, '{"error":"Your role lacks Salesforce > Orders."}');
        self::assertFalse($answer->ok());
        self::assertSame('Your role lacks Salesforce > Orders.', $answer->error());
        self::assertSame('The sidecar answered HTTP 500.', Answer::fromHttp(500, '{}')->error());
    }

    public function testTreatsAnythingButJsonAsNoAnswer(): void
    {
        $this->expectException(SidecarUnavailable::class);
        $this->expectExceptionMessage("Forcebridge's sidecar did not answer (HTTP 502 without a JSON body); try again shortly.");
        Answer::fromHttp(502, '<html>Bad Gateway</html>');
    }
}
