package app.unknot.app

import android.util.Size
import android.view.ViewGroup
import androidx.camera.core.CameraSelector
import androidx.camera.core.ExperimentalGetImage
import androidx.camera.core.ImageAnalysis
import androidx.camera.core.ImageProxy
import androidx.camera.core.Preview
import androidx.camera.core.resolutionselector.ResolutionSelector
import androidx.camera.core.resolutionselector.ResolutionStrategy
import androidx.camera.lifecycle.ProcessCameraProvider
import androidx.camera.view.PreviewView
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberUpdatedState
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.viewinterop.AndroidView
import androidx.core.content.ContextCompat
import androidx.lifecycle.compose.LocalLifecycleOwner
import app.unknot.core.looksLikeShareCode
import com.google.mlkit.vision.barcode.BarcodeScanner
import com.google.mlkit.vision.barcode.BarcodeScannerOptions
import com.google.mlkit.vision.barcode.BarcodeScanning
import com.google.mlkit.vision.barcode.common.Barcode
import com.google.mlkit.vision.common.InputImage

/**
 * Frames for the reader: large enough that a dense code (a long program
 * needs a high QR version) still has a few pixels per module.
 */
private val ANALYSIS_SIZE = Size(1920, 1080)

/**
 * The camera's picture with a QR reader behind it. Each frame goes to ML
 * Kit's barcode reader (QR codes only); the first value the core takes for
 * a share code ([looksLikeShareCode]) goes to [onCode], once, and no frame
 * is read after it. Anything else in view (a web address, another app's
 * code) is passed over. The camera is let go when the scanner leaves the
 * screen. [onError] gets the reason when the camera cannot start.
 *
 * The caller holds the CAMERA permission before showing it.
 */
@Composable
fun QrScanner(onCode: (String) -> Unit, onError: (String) -> Unit, modifier: Modifier = Modifier) {
    val context = LocalContext.current
    val lifecycleOwner = LocalLifecycleOwner.current
    val currentOnCode by rememberUpdatedState(onCode)
    val currentOnError by rememberUpdatedState(onError)
    val previewView = remember(context) {
        PreviewView(context).apply {
            layoutParams = ViewGroup.LayoutParams(ViewGroup.LayoutParams.MATCH_PARENT, ViewGroup.LayoutParams.MATCH_PARENT)
            scaleType = PreviewView.ScaleType.FILL_CENTER
            // A TextureView: it moves and clips with the Compose layout around it.
            implementationMode = PreviewView.ImplementationMode.COMPATIBLE
        }
    }
    DisposableEffect(lifecycleOwner, previewView) {
        // Everything below runs on the main thread (the analyzer's executor
        // and ML Kit's listeners), so the flags need no locking.
        val main = ContextCompat.getMainExecutor(context)
        var found = false
        var released = false
        var provider: ProcessCameraProvider? = null
        val scanner = BarcodeScanning.getClient(
            BarcodeScannerOptions.Builder().setBarcodeFormats(Barcode.FORMAT_QR_CODE).build(),
        )
        val preview = Preview.Builder().build()
        preview.setSurfaceProvider(previewView.surfaceProvider)
        val analysis = ImageAnalysis.Builder()
            .setResolutionSelector(
                ResolutionSelector.Builder()
                    .setResolutionStrategy(
                        ResolutionStrategy(ANALYSIS_SIZE, ResolutionStrategy.FALLBACK_RULE_CLOSEST_LOWER_THEN_HIGHER),
                    )
                    .build(),
            )
            // A slow frame holds the next back: only the newest one waits.
            .setBackpressureStrategy(ImageAnalysis.STRATEGY_KEEP_ONLY_LATEST)
            .build()
        analysis.setAnalyzer(main) { frame ->
            if (found || released) {
                frame.close()
                return@setAnalyzer
            }
            readQr(frame, scanner) { values ->
                if (found || released) return@readQr
                val code = values.firstOrNull { looksLikeShareCode(it) } ?: return@readQr
                found = true
                analysis.clearAnalyzer()
                currentOnCode(code)
            }
        }
        val future = ProcessCameraProvider.getInstance(context)
        future.addListener({
            if (released) return@addListener
            try {
                val p = future.get()
                // The back camera where there is one (phones), else the
                // front one (some tablets and laptops).
                val selector = if (p.hasCamera(CameraSelector.DEFAULT_BACK_CAMERA)) {
                    CameraSelector.DEFAULT_BACK_CAMERA
                } else {
                    CameraSelector.DEFAULT_FRONT_CAMERA
                }
                p.bindToLifecycle(lifecycleOwner, selector, preview, analysis)
                provider = p
            } catch (e: Exception) {
                // ExecutionException, CameraInfoUnavailableException,
                // IllegalArgumentException (no such camera) or
                // IllegalStateException (lifecycle already destroyed).
                currentOnError(context.getString(R.string.scan_camera_failed, e.message ?: e.javaClass.simpleName))
            }
        }, main)
        onDispose {
            released = true
            analysis.clearAnalyzer()
            provider?.unbind(preview, analysis)
            scanner.close()
        }
    }
    val description = stringResource(R.string.scan_preview_description)
    AndroidView(
        factory = { previewView },
        modifier = modifier.semantics { contentDescription = description },
    )
}

/**
 * Hands one camera frame to [scanner] and [onValues] the text of every QR
 * code found in it; the frame is closed when the reader is done with it
 * (found, nothing found or failed), which lets the next frame in.
 */
@androidx.annotation.OptIn(ExperimentalGetImage::class)
private fun readQr(frame: ImageProxy, scanner: BarcodeScanner, onValues: (List<String>) -> Unit) {
    val image = frame.image
    if (image == null) {
        frame.close()
        return
    }
    scanner.process(InputImage.fromMediaImage(image, frame.imageInfo.rotationDegrees))
        .addOnSuccessListener { codes -> onValues(codes.mapNotNull { it.rawValue }) }
        .addOnCompleteListener { frame.close() }
}
