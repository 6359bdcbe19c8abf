package app.unknot.app

import android.graphics.Bitmap
import android.graphics.Canvas
import android.graphics.Color
import android.graphics.drawable.AdaptiveIconDrawable
import org.robolectric.RuntimeEnvironment
import android.content.Context
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode
import java.io.File

/**
 * The launcher icon is an adaptive vector icon: drawn at 432 px (108 dp at
 * 4x) with its background and foreground, also as the monochrome (themed)
 * layer, to build/screens/icon.png and icon-round.png.
 */
@RunWith(RobolectricTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [35])
class LauncherIconTest {
    private fun draw(id: Int): Bitmap {
        val context: Context = RuntimeEnvironment.getApplication()
        val icon = context.getDrawable(id)
        assertTrue("adaptive: $icon", icon is AdaptiveIconDrawable)
        icon as AdaptiveIconDrawable
        assertTrue("a monochrome layer for themed icons", icon.monochrome != null)
        val bitmap = Bitmap.createBitmap(432, 432, Bitmap.Config.ARGB_8888)
        icon.setBounds(0, 0, 432, 432)
        icon.draw(Canvas(bitmap))
        return bitmap
    }

    @Test
    fun theIconIsAnAdaptiveVectorWithAMarkOnItsBackground() {
        val dir = File(System.getProperty("unknot.screens.dir") ?: "build/screens").apply { mkdirs() }
        for ((name, id) in listOf("icon" to R.mipmap.ic_launcher, "icon-round" to R.mipmap.ic_launcher_round)) {
            val bitmap = draw(id)
            File(dir, "$name.png").outputStream().use { bitmap.compress(Bitmap.CompressFormat.PNG, 100, it) }
            // The background fills the mask; the foreground's mark stands out at the centre.
            val edge = bitmap.getPixel(432 / 2, 432 / 8)
            val colours = (0 until 432 step 8).flatMap { x -> (0 until 432 step 8).map { y -> bitmap.getPixel(x, y) } }
                .filter { Color.alpha(it) == 255 }.toSet()
            assertNotEquals("the background is drawn", 0, Color.alpha(edge))
            assertTrue("a mark on the background: ${colours.size} colours", colours.size >= 2)
        }
    }
}
