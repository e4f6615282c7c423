; Assembly listing for method OptGen.Benchmarks.Infrastructure.PairedTiming+EmptyStep`1[float]:Step(System.Span`1[float],System.ReadOnlySpan`1[float]):this (FullOpts)
; Emitting BLENDED_CODE for generic X64 + VEX + EVEX on Unix
; FullOpts code
; optimized code
; rsp based frame
; partially interruptible
; No PGO data

G_M000_IG01:                ;; offset=0x0000
 
G_M000_IG02:                ;; offset=0x0000
       ret      
 
; Total bytes of code 1

; Assembly listing for method OptGen.Benchmarks.HandWritten.AdamaxFloatStraight:Step(System.Span`1[float],System.ReadOnlySpan`1[float]):this (FullOpts)
; Emitting BLENDED_CODE for generic X64 + VEX + EVEX on Unix
; FullOpts code
; optimized code
; rbp based frame
; partially interruptible
; No PGO data

G_M000_IG01:                ;; offset=0x0000
       push     rbp
       mov      rbp, rsp
 
G_M000_IG02:                ;; offset=0x0004
       cmp      edx, 2
       jne      G_M000_IG07
       cmp      r8d, 2
       jne      G_M000_IG07
       vmovsd   xmm0, qword ptr [rdi+0x10]
       vmulsd   xmm0, xmm0, qword ptr [reloc @RWD00]
       vmovsd   xmm1, qword ptr [reloc @RWD08]
       vucomisd xmm1, xmm0
       jbe      SHORT G_M000_IG04
 
G_M000_IG03:                ;; offset=0x0032
       vxorps   xmm1, xmm1, xmm1
       jmp      SHORT G_M000_IG05
 
G_M000_IG04:                ;; offset=0x0038
       vmovaps  xmm1, xmm0
 
G_M000_IG05:                ;; offset=0x003C
       vmovsd   qword ptr [rdi+0x10], xmm1
       vmovsd   xmm0, qword ptr [rdi+0x08]
       vmovsd   xmm1, qword ptr [reloc @RWD16]
       vsubsd   xmm1, xmm1, qword ptr [rdi+0x10]
       vdivsd   xmm0, xmm0, xmm1
       vcvtsd2ss xmm0, xmm0, xmm0
       vmovss   xmm1, dword ptr [rcx]
       vmovss   xmm2, dword ptr [rcx+0x04]
       vmovss   xmm3, dword ptr [reloc @RWD24]
       vmulss   xmm4, xmm3, dword ptr [rdi+0x18]
       vmovss   xmm5, dword ptr [reloc @RWD28]
       vmulss   xmm6, xmm1, xmm5
       vaddss   xmm4, xmm4, xmm6
       vmulss   xmm3, xmm3, dword ptr [rdi+0x1C]
       vmulss   xmm5, xmm2, xmm5
       vaddss   xmm3, xmm3, xmm5
       vmovss   xmm5, dword ptr [reloc @RWD32]
       vmulss   xmm6, xmm5, dword ptr [rdi+0x20]
       vandps   xmm1, xmm1, xmmword ptr [reloc @RWD48]
       vmovss   xmm7, dword ptr [reloc @RWD64]
       vaddss   xmm1, xmm1, xmm7
       vrangess xmm8, xmm6, xmm1, 5
       vbroadcastss xmm9, dword ptr [reloc @RWD68]
       vfixupimmss xmm6, xmm1, xmm9, 0
       vfixupimmss xmm8, xmm6, xmm9, 0
       vmulss   xmm1, xmm5, dword ptr [rdi+0x24]
       vandps   xmm2, xmm2, xmmword ptr [reloc @RWD48]
       vaddss   xmm2, xmm2, xmm7
       vrangess xmm5, xmm1, xmm2, 5
       vfixupimmss xmm1, xmm2, xmm9, 0
       vfixupimmss xmm5, xmm1, xmm9, 0
       vmovss   dword ptr [rdi+0x18], xmm4
       vmovss   dword ptr [rdi+0x1C], xmm3
       vmovss   dword ptr [rdi+0x20], xmm8
       vmovss   dword ptr [rdi+0x24], xmm5
       vmulss   xmm1, xmm0, xmm4
       vdivss   xmm1, xmm1, xmm8
       vmovss   xmm2, dword ptr [rsi]
       vsubss   xmm1, xmm2, xmm1
       vmovss   dword ptr [rsi], xmm1
       add      rsi, 4
       vmulss   xmm0, xmm0, xmm3
       vdivss   xmm0, xmm0, xmm5
       vmovss   xmm1, dword ptr [rsi]
       vsubss   xmm0, xmm1, xmm0
       vmovss   dword ptr [rsi], xmm0
 
G_M000_IG06:                ;; offset=0x0134
       pop      rbp
       ret      
 
G_M000_IG07:                ;; offset=0x0136
       mov      edi, edx
       mov      esi, r8d
       mov      edx, 2
       call     [OptGen.Benchmarks.HandWritten.Lengths:Throw(int,int,int)]
       int3     
 
RWD00  	dq	3FECCCCCCCCCCCCDh	;          0.9
RWD08  	dq	3C32725DD1D243ACh	;        1e-18
RWD16  	dq	3FF0000000000000h	;            1
RWD24  	dd	3F666666h		;       0.9
RWD28  	dd	3DCCCCCDh		;       0.1
RWD32  	dd	3F7FBE77h		;     0.999
RWD36  	dd	00000000h, 00000000h, 00000000h
RWD48  	dq	7FFFFFFF7FFFFFFFh, 7FFFFFFF7FFFFFFFh
RWD64  	dd	322BCC77h		;     1e-08
RWD68  	dd	00000001h		; 1.4013e-45

; Total bytes of code 327

; Assembly listing for method OptGen.Benchmarks.Optimizers.AdamaxFloat2:Step(System.Span`1[float],System.ReadOnlySpan`1[float]):this (FullOpts)
; Emitting BLENDED_CODE for generic X64 + VEX + EVEX on Unix
; FullOpts code
; optimized code
; rbp based frame
; partially interruptible
; No PGO data
; 0 inlinees with PGO data; 4 single block inlinees; 1 inlinees without PGO data

G_M000_IG01:                ;; offset=0x0000
       push     rbp
       mov      rbp, rsp
 
G_M000_IG02:                ;; offset=0x0004
       cmp      edx, 2
       jne      G_M000_IG07
       cmp      r8d, 2
       jne      G_M000_IG07
       inc      qword ptr [rdi+0x18]
       vmovsd   xmm0, qword ptr [rdi+0x08]
       vmulsd   xmm0, xmm0, qword ptr [reloc @RWD00]
       vmovsd   xmm1, qword ptr [reloc @RWD08]
       vucomisd xmm1, xmm0
       jbe      SHORT G_M000_IG04
 
G_M000_IG03:                ;; offset=0x0036
       vxorps   xmm1, xmm1, xmm1
       jmp      SHORT G_M000_IG05
 
G_M000_IG04:                ;; offset=0x003C
       vmovaps  xmm1, xmm0
 
G_M000_IG05:                ;; offset=0x0040
       vmovsd   qword ptr [rdi+0x08], xmm1
       vmovsd   xmm0, qword ptr [rdi+0x10]
       vmovsd   xmm1, qword ptr [reloc @RWD16]
       vsubsd   xmm1, xmm1, qword ptr [rdi+0x08]
       vdivsd   xmm0, xmm0, xmm1
       vcvtsd2ss xmm0, xmm0, xmm0
       vmovss   xmm1, dword ptr [rcx]
       vmovss   xmm2, dword ptr [reloc @RWD24]
       vmulss   xmm3, xmm2, dword ptr [rdi+0x20]
       vmovss   xmm4, dword ptr [reloc @RWD28]
       vmulss   xmm5, xmm1, xmm4
       vaddss   xmm3, xmm3, xmm5
       vmovss   dword ptr [rdi+0x20], xmm3
       vmovss   xmm5, dword ptr [reloc @RWD32]
       vmulss   xmm6, xmm5, dword ptr [rdi+0x28]
       vandps   xmm1, xmm1, xmmword ptr [reloc @RWD48]
       vmovss   xmm7, dword ptr [reloc @RWD64]
       vaddss   xmm1, xmm1, xmm7
       vrangess xmm8, xmm6, xmm1, 5
       vbroadcastss xmm9, dword ptr [reloc @RWD68]
       vfixupimmss xmm6, xmm1, xmm9, 0
       vfixupimmss xmm8, xmm6, xmm9, 0
       vmovss   dword ptr [rdi+0x28], xmm8
       vmulss   xmm1, xmm0, xmm3
       vdivss   xmm1, xmm1, xmm8
       vmovss   xmm3, dword ptr [rsi]
       vsubss   xmm1, xmm3, xmm1
       vmovss   dword ptr [rsi], xmm1
       vmovss   xmm1, dword ptr [rcx+0x04]
       vmulss   xmm2, xmm2, dword ptr [rdi+0x24]
       vmulss   xmm3, xmm1, xmm4
       vaddss   xmm2, xmm2, xmm3
       vmovss   dword ptr [rdi+0x24], xmm2
       vmulss   xmm3, xmm5, dword ptr [rdi+0x2C]
       vandps   xmm1, xmm1, xmmword ptr [reloc @RWD48]
       vaddss   xmm1, xmm1, xmm7
       vrangess xmm4, xmm3, xmm1, 5
       vfixupimmss xmm3, xmm1, xmm9, 0
       vfixupimmss xmm4, xmm3, xmm9, 0
       vmovss   dword ptr [rdi+0x2C], xmm4
       add      rsi, 4
       vmulss   xmm0, xmm0, xmm2
       vdivss   xmm0, xmm0, xmm4
       vmovss   xmm1, dword ptr [rsi]
       vsubss   xmm0, xmm1, xmm0
       vmovss   dword ptr [rsi], xmm0
 
G_M000_IG06:                ;; offset=0x0138
       pop      rbp
       ret      
 
G_M000_IG07:                ;; offset=0x013A
       mov      edi, edx
       mov      esi, r8d
       mov      edx, 2
       call     [OptGen.CompilerServices.OptimizerGuards:ThrowLengthMismatch(int,int,int)]
       int3     
 
RWD00  	dq	3FECCCCCCCCCCCCDh	;          0.9
RWD08  	dq	3C32725DD1D243ACh	;        1e-18
RWD16  	dq	3FF0000000000000h	;            1
RWD24  	dd	3F666666h		;       0.9
RWD28  	dd	3DCCCCCDh		;       0.1
RWD32  	dd	3F7FBE77h		;     0.999
RWD36  	dd	00000000h, 00000000h, 00000000h
RWD48  	dq	7FFFFFFF7FFFFFFFh, 7FFFFFFF7FFFFFFFh
RWD64  	dd	322BCC77h		;     1e-08
RWD68  	dd	00000001h		; 1.4013e-45

; Total bytes of code 331

; Assembly listing for method OptGen.Benchmarks.Infrastructure.PairedTiming+EmptyStep`1[double]:Step(System.Span`1[double],System.ReadOnlySpan`1[double]):this (FullOpts)
; Emitting BLENDED_CODE for generic X64 + VEX + EVEX on Unix
; FullOpts code
; optimized code
; rsp based frame
; partially interruptible
; No PGO data

G_M000_IG01:                ;; offset=0x0000
 
G_M000_IG02:                ;; offset=0x0000
       ret      
 
; Total bytes of code 1

; Assembly listing for method OptGen.Benchmarks.HandWritten.AdamaxDoubleStraight:Step(System.Span`1[double],System.ReadOnlySpan`1[double]):this (FullOpts)
; Emitting BLENDED_CODE for generic X64 + VEX + EVEX on Unix
; FullOpts code
; optimized code
; rbp based frame
; partially interruptible
; No PGO data

G_M000_IG01:                ;; offset=0x0000
       push     rbp
       mov      rbp, rsp
 
G_M000_IG02:                ;; offset=0x0004
       cmp      edx, 2
       jne      G_M000_IG07
       cmp      r8d, 2
       jne      G_M000_IG07
       vmovsd   xmm0, qword ptr [reloc @RWD00]
       vmulsd   xmm1, xmm0, qword ptr [rdi+0x10]
       vmovsd   xmm2, qword ptr [reloc @RWD08]
       vucomisd xmm2, xmm1
       jbe      SHORT G_M000_IG04
 
G_M000_IG03:                ;; offset=0x0032
       vxorps   xmm2, xmm2, xmm2
       jmp      SHORT G_M000_IG05
 
G_M000_IG04:                ;; offset=0x0038
       vmovaps  xmm2, xmm1
 
G_M000_IG05:                ;; offset=0x003C
       vmovsd   qword ptr [rdi+0x10], xmm2
       vmovsd   xmm1, qword ptr [rdi+0x08]
       vmovsd   xmm2, qword ptr [reloc @RWD16]
       vsubsd   xmm2, xmm2, qword ptr [rdi+0x10]
       vdivsd   xmm1, xmm1, xmm2
       vmovsd   xmm2, qword ptr [rcx]
       vmovsd   xmm3, qword ptr [rcx+0x08]
       vmulsd   xmm4, xmm0, qword ptr [rdi+0x18]
       vmovsd   xmm5, qword ptr [reloc @RWD24]
       vmulsd   xmm6, xmm2, xmm5
       vaddsd   xmm4, xmm4, xmm6
       vmulsd   xmm0, xmm0, qword ptr [rdi+0x20]
       vmulsd   xmm5, xmm3, xmm5
       vaddsd   xmm0, xmm0, xmm5
       vmovsd   xmm5, qword ptr [reloc @RWD32]
       vmulsd   xmm6, xmm5, qword ptr [rdi+0x28]
       vandps   xmm2, xmm2, xmmword ptr [reloc @RWD48]
       vmovsd   xmm7, qword ptr [reloc @RWD64]
       vaddsd   xmm2, xmm2, xmm7
       vrangesd xmm8, xmm6, xmm2, 5
       vmovddup xmm9, qword ptr [reloc @RWD72]
       vfixupimmsd xmm6, xmm2, xmm9, 0
       vfixupimmsd xmm8, xmm6, xmm9, 0
       vmulsd   xmm2, xmm5, qword ptr [rdi+0x30]
       vandps   xmm3, xmm3, xmmword ptr [reloc @RWD48]
       vaddsd   xmm3, xmm3, xmm7
       vrangesd xmm5, xmm2, xmm3, 5
       vfixupimmsd xmm2, xmm3, xmm9, 0
       vfixupimmsd xmm5, xmm2, xmm9, 0
       vmovsd   qword ptr [rdi+0x18], xmm4
       vmovsd   qword ptr [rdi+0x20], xmm0
       vmovsd   qword ptr [rdi+0x28], xmm8
       vmovsd   qword ptr [rdi+0x30], xmm5
       vmulsd   xmm2, xmm1, xmm4
       vdivsd   xmm2, xmm2, xmm8
       vmovsd   xmm3, qword ptr [rsi]
       vsubsd   xmm2, xmm3, xmm2
       vmovsd   qword ptr [rsi], xmm2
       add      rsi, 8
       vmulsd   xmm0, xmm1, xmm0
       vdivsd   xmm0, xmm0, xmm5
       vmovsd   xmm1, qword ptr [rsi]
       vsubsd   xmm0, xmm1, xmm0
       vmovsd   qword ptr [rsi], xmm0
 
G_M000_IG06:                ;; offset=0x0127
       pop      rbp
       ret      
 
G_M000_IG07:                ;; offset=0x0129
       mov      edi, edx
       mov      esi, r8d
       mov      edx, 2
       call     [OptGen.Benchmarks.HandWritten.Lengths:Throw(int,int,int)]
       int3     
 
RWD00  	dq	3FECCCCCCCCCCCCDh	;          0.9
RWD08  	dq	3C32725DD1D243ACh	;        1e-18
RWD16  	dq	3FF0000000000000h	;            1
RWD24  	dq	3FB9999999999998h	;          0.1
RWD32  	dq	3FEFF7CED916872Bh	;        0.999
RWD40  	dd	00000000h, 00000000h
RWD48  	dq	7FFFFFFFFFFFFFFFh, 7FFFFFFFFFFFFFFFh
RWD64  	dq	3E45798EE2308C3Ah	;        1e-08
RWD72  	dq	0000000000000001h

; Total bytes of code 314

; Assembly listing for method OptGen.Benchmarks.Optimizers.AdamaxDouble2:Step(System.Span`1[double],System.ReadOnlySpan`1[double]):this (FullOpts)
; Emitting BLENDED_CODE for generic X64 + VEX + EVEX on Unix
; FullOpts code
; optimized code
; rbp based frame
; partially interruptible
; No PGO data
; 0 inlinees with PGO data; 4 single block inlinees; 1 inlinees without PGO data

G_M000_IG01:                ;; offset=0x0000
       push     rbp
       mov      rbp, rsp
 
G_M000_IG02:                ;; offset=0x0004
       cmp      edx, 2
       jne      G_M000_IG07
       cmp      r8d, 2
       jne      G_M000_IG07
       inc      qword ptr [rdi+0x38]
       vmovsd   xmm0, qword ptr [reloc @RWD00]
       vmulsd   xmm1, xmm0, qword ptr [rdi+0x08]
       vmovsd   xmm2, qword ptr [reloc @RWD08]
       vucomisd xmm2, xmm1
       jbe      SHORT G_M000_IG04
 
G_M000_IG03:                ;; offset=0x0036
       vxorps   xmm2, xmm2, xmm2
       jmp      SHORT G_M000_IG05
 
G_M000_IG04:                ;; offset=0x003C
       vmovaps  xmm2, xmm1
 
G_M000_IG05:                ;; offset=0x0040
       vmovsd   qword ptr [rdi+0x08], xmm2
       vmovsd   xmm1, qword ptr [rdi+0x30]
       vmovsd   xmm2, qword ptr [reloc @RWD16]
       vsubsd   xmm2, xmm2, qword ptr [rdi+0x08]
       vdivsd   xmm1, xmm1, xmm2
       vmovsd   xmm2, qword ptr [rcx]
       vmulsd   xmm3, xmm0, qword ptr [rdi+0x10]
       vmovsd   xmm4, qword ptr [reloc @RWD24]
       vmulsd   xmm5, xmm2, xmm4
       vaddsd   xmm3, xmm3, xmm5
       vmovsd   qword ptr [rdi+0x10], xmm3
       vmovsd   xmm5, qword ptr [reloc @RWD32]
       vmulsd   xmm6, xmm5, qword ptr [rdi+0x20]
       vandps   xmm2, xmm2, xmmword ptr [reloc @RWD48]
       vmovsd   xmm7, qword ptr [reloc @RWD64]
       vaddsd   xmm2, xmm2, xmm7
       vrangesd xmm8, xmm6, xmm2, 5
       vmovddup xmm9, qword ptr [reloc @RWD72]
       vfixupimmsd xmm6, xmm2, xmm9, 0
       vfixupimmsd xmm8, xmm6, xmm9, 0
       vmovsd   qword ptr [rdi+0x20], xmm8
       vmulsd   xmm2, xmm1, xmm3
       vdivsd   xmm2, xmm2, xmm8
       vmovsd   xmm3, qword ptr [rsi]
       vsubsd   xmm2, xmm3, xmm2
       vmovsd   qword ptr [rsi], xmm2
       vmovsd   xmm2, qword ptr [rcx+0x08]
       vmulsd   xmm0, xmm0, qword ptr [rdi+0x18]
       vmulsd   xmm3, xmm2, xmm4
       vaddsd   xmm0, xmm0, xmm3
       vmovsd   qword ptr [rdi+0x18], xmm0
       vmulsd   xmm3, xmm5, qword ptr [rdi+0x28]
       vandps   xmm2, xmm2, xmmword ptr [reloc @RWD48]
       vaddsd   xmm2, xmm2, xmm7
       vrangesd xmm4, xmm3, xmm2, 5
       vfixupimmsd xmm3, xmm2, xmm9, 0
       vfixupimmsd xmm4, xmm3, xmm9, 0
       vmovsd   qword ptr [rdi+0x28], xmm4
       add      rsi, 8
       vmulsd   xmm0, xmm1, xmm0
       vdivsd   xmm0, xmm0, xmm4
       vmovsd   xmm1, qword ptr [rsi]
       vsubsd   xmm0, xmm1, xmm0
       vmovsd   qword ptr [rsi], xmm0
 
G_M000_IG06:                ;; offset=0x012B
       pop      rbp
       ret      
 
G_M000_IG07:                ;; offset=0x012D
       mov      edi, edx
       mov      esi, r8d
       mov      edx, 2
       call     [OptGen.CompilerServices.OptimizerGuards:ThrowLengthMismatch(int,int,int)]
       int3     
 
RWD00  	dq	3FECCCCCCCCCCCCDh	;          0.9
RWD08  	dq	3C32725DD1D243ACh	;        1e-18
RWD16  	dq	3FF0000000000000h	;            1
RWD24  	dq	3FB9999999999998h	;          0.1
RWD32  	dq	3FEFF7CED916872Bh	;        0.999
RWD40  	dd	00000000h, 00000000h
RWD48  	dq	7FFFFFFFFFFFFFFFh, 7FFFFFFFFFFFFFFFh
RWD64  	dq	3E45798EE2308C3Ah	;        1e-08
RWD72  	dq	0000000000000001h

; Total bytes of code 318

