ifelse1 ; ELSE after DO, extrinsic and other things that change $TEST
 if 1
 do setf
 write "after do label T=",$test,!
 else  write "else runs: DO label does not restore $TEST",!
 if 1
 set v=$$retf()
 write "after extrinsic T=",$test,!
 else  write "else does not run: extrinsic restores $TEST",!
 if 0
 else  write "else 1",! else  write "else 2",!
 if 1
 else  write "not printed",! write "also skipped",!
 write "T=",$test,!
 if 1 do setf write "same line after do T=",$test,!
 quit
setf if 0
 quit
retf() if 0
 quit 1
