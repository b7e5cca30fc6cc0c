using Petitions.Core.Ports;
using Petitions.Core.UseCases.Calendar;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Intake;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Storage;

namespace Petitions.Functions.App;

/// <summary>
/// At start: creates the case tables and queues if missing; recomputes the open cases' due dates for every year whose
/// official schedule this build ships differently from the last start (<see cref="RecomputeCalendarOnStart"/>, issue 16);
/// in Development, when the index holds no case yet, files a
/// few clearly marked demo letters through the real intake, so that <c>tools/run.sh</c> shows a working system.
/// </summary>
internal sealed partial class AppStartup(
    CaseStorageInitializer storage, RecomputeCalendarOnStart.Handler calendar, ICaseIndex index, FileCase.Handler intake, IHostEnvironment environment, DemoSettings demo, ILogger<AppStartup> logger)
    : BackgroundService
{
    private static readonly FileCase.Command[] DemoLetters =
    [
        new("complaint", "qn-camtay", "[Demo] Khiếu nại quyết định thu hồi đất", "[Demo] Tôi không đồng ý với quyết định thu hồi đất số 12/QĐ-UBND.",
            new("[Demo] Nguyễn Văn An", "0912345678", "Phường Cẩm Tây"), Channel: "web", IdempotencyKey: "demo-seed-1", ClientAddress: "demo"),
        new("petition", "qn-camtay", "[Demo] Kiến nghị sửa đèn đường", "[Demo] Đèn đường tổ 5 hỏng đã hai tuần.",
            new("[Demo] Trần Thị Bình", "0987654321", "Tổ 5, phường Cẩm Tây"), Channel: "web", IdempotencyKey: "demo-seed-2", ClientAddress: "demo"),
        new("denunciation", "qn-camtay", "[Demo] Tố cáo hành vi nhận hối lộ", "[Demo] Cán bộ địa chính yêu cầu tiền để làm hồ sơ.",
            new("[Demo] Lê Văn Cường", "0901234567", "Phường Cẩm Tây"), Channel: "web", IdempotencyKey: "demo-seed-3", ClientAddress: "demo"),
    ];

    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    /// <summary>Completes once the tables and queues exist (and the demo letters, if any, are filed).</summary>
    public Task Ready => _ready.Task;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Storage may come up after the app (the emulator, a network blip): keep trying rather than crash the host.
        while (true)
        {
            try
            {
                await PrepareAsync(stoppingToken).ConfigureAwait(false);
                _ready.TrySetResult();
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                _ready.TrySetCanceled(stoppingToken);
                return;
            }
            catch (Exception e) when (e is StorageRequestException or HttpRequestException or IOException)
            {
                LogStorageNotReady(logger, e);
                await Task.Delay(RetryEvery, TimeProvider.System, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await calendar.HandleAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!environment.IsDevelopment() || !demo.Seed)
        {
            return;
        }

        var any = await index.QueryAsync(new IndexQuery(CaseIndexEntries.UnitPartition(string.Empty, string.Empty), "unit-~", null, 1, null), cancellationToken).ConfigureAwait(false);
        if (any.Items.Count > 0)
        {
            return;
        }

        foreach (var letter in DemoLetters)
        {
            var result = await intake.HandleAsync(letter, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                LogSeedFailed(logger, result.Problem!.Code);
            }
        }

        LogSeeded(logger, DemoLetters.Length);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is not ready; creating the case tables and queues again shortly")]
    private static partial void LogStorageNotReady(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development: filed {Count} demo letter(s) marked [Demo]")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development: a demo letter was refused ({Code})")]
    private static partial void LogSeedFailed(ILogger logger, string code);
}
