// linalg (fill, matmul, generic) through convert-linalg-to-loops, and affine
// (for, load, store, apply, min, max, if) through lower-affine.
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func private @printMemrefF32(memref<*xf32>)

func.func @matmul(%a: memref<3x4xf32>, %b: memref<4x2xf32>, %c: memref<3x2xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%c : memref<3x2xf32>)
  linalg.matmul ins(%a, %b : memref<3x4xf32>, memref<4x2xf32>) outs(%c : memref<3x2xf32>)
  return
}

func.func @relu(%x: memref<3x2xf32>, %y: memref<3x2xf32>) {
  linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%x : memref<3x2xf32>) outs(%y : memref<3x2xf32>) {
  ^bb0(%in: f32, %out: f32):
    %zero = arith.constant 0.0 : f32
    %r = arith.maximumf %in, %zero : f32
    linalg.yield %r : f32
  }
  return
}

func.func @init(%m: memref<?x?xf32>, %scale: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %rows = memref.dim %m, %c0 : memref<?x?xf32>
  %cols = memref.dim %m, %c1 : memref<?x?xf32>
  affine.for %i = 0 to %rows {
    affine.for %j = 0 to %cols {
      %k = affine.apply affine_map<(d0, d1) -> (d0 * 3 + d1 - 4)>(%i, %j)
      %ki = arith.index_cast %k : index to i32
      %f = arith.sitofp %ki : i32 to f32
      %v = arith.mulf %f, %scale : f32
      affine.store %v, %m[%i, %j] : memref<?x?xf32>
    }
  }
  return
}

func.func @clamp_rows(%m: memref<3x4xf32>) {
  affine.for %i = 0 to 3 {
    affine.for %j = 0 to 4 {
      %lo = affine.max affine_map<(d0) -> (d0, 1)>(%j)
      %hi = affine.min affine_map<(d0) -> (d0, 2)>(%lo)
      %v = memref.load %m[%i, %hi] : memref<3x4xf32>
      affine.if affine_set<(d0) : (d0 - 2 >= 0)>(%j) {
        %neg = arith.negf %v : f32
        affine.store %neg, %m[%i, %j] : memref<3x4xf32>
      }
    }
  }
  return
}

func.func @main() {
  %a = memref.alloc() : memref<3x4xf32>
  %b = memref.alloc() : memref<4x2xf32>
  %c = memref.alloc() : memref<3x2xf32>
  %r = memref.alloc() : memref<3x2xf32>
  %ad = memref.cast %a : memref<3x4xf32> to memref<?x?xf32>
  %bd = memref.cast %b : memref<4x2xf32> to memref<?x?xf32>
  %half = arith.constant 0.5 : f32
  %third = arith.constant 0.25 : f32
  call @init(%ad, %half) : (memref<?x?xf32>, f32) -> ()
  call @init(%bd, %third) : (memref<?x?xf32>, f32) -> ()
  call @matmul(%a, %b, %c) : (memref<3x4xf32>, memref<4x2xf32>, memref<3x2xf32>) -> ()
  %uc = memref.cast %c : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%uc) : (memref<*xf32>) -> ()
  call @relu(%c, %r) : (memref<3x2xf32>, memref<3x2xf32>) -> ()
  %ur = memref.cast %r : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%ur) : (memref<*xf32>) -> ()
  call @clamp_rows(%a) : (memref<3x4xf32>) -> ()
  %ua = memref.cast %a : memref<3x4xf32> to memref<*xf32>
  call @printMemrefF32(%ua) : (memref<*xf32>) -> ()
  memref.dealloc %a : memref<3x4xf32>
  memref.dealloc %b : memref<4x2xf32>
  memref.dealloc %c : memref<3x2xf32>
  memref.dealloc %r : memref<3x2xf32>
  return
}
